import CNCurses
import DashboardCore

/// Colours by role, never by colour in the view: role → (foreground, background, attributes).
/// With NO_COLOR set (or a terminal without colours) roles map to attributes only.
struct Palette {
    private var attributes: [Role: Int32] = [:]
    let usesColor: Bool

    init(color: Bool) {
        usesColor = color
        let bold = cw_attr_bold(), dim = cw_attr_dim(), reverse = cw_attr_reverse(), underline = cw_attr_underline()
        if color {
            // -1 is the terminal's own default colour (use_default_colors).
            let scheme: [(Role, Int16, Int16, Int32)] = [
                (.normal, -1, -1, 0), (.title, Int16(COLOR_WHITE), Int16(COLOR_BLUE), bold), (.heading, -1, -1, bold),
                (.dim, -1, -1, dim), (.joined, Int16(COLOR_GREEN), -1, bold), (.changed, Int16(COLOR_YELLOW), -1, bold),
                (.left, Int16(COLOR_RED), -1, dim), (.muted, Int16(COLOR_MAGENTA), -1, 0), (.held, Int16(COLOR_CYAN), -1, 0),
                (.coaching, Int16(COLOR_BLUE), -1, bold), (.pending, Int16(COLOR_YELLOW), -1, 0), (.done, Int16(COLOR_GREEN), -1, 0),
                (.failed, Int16(COLOR_RED), -1, bold), (.stale, Int16(COLOR_BLACK), Int16(COLOR_YELLOW), bold),
                (.warning, Int16(COLOR_YELLOW), -1, bold), (.key, Int16(COLOR_CYAN), -1, bold), (.box, -1, -1, 0),
                (.boxTitle, -1, -1, bold), (.input, -1, -1, underline),
            ]
            for (index, (role, fg, bg, attr)) in scheme.enumerated() {
                let pair = Int16(index + 1)
                init_pair(pair, fg, bg)
                attributes[role] = cw_color_pair(Int32(pair)) | attr
            }
        } else {
            let scheme: [(Role, Int32)] = [
                (.normal, 0), (.title, reverse), (.heading, bold), (.dim, dim), (.joined, bold), (.changed, bold | underline),
                (.left, dim), (.muted, 0), (.held, 0), (.coaching, 0), (.pending, 0), (.done, 0), (.failed, bold),
                (.stale, reverse | bold), (.warning, bold), (.key, bold), (.box, 0), (.boxTitle, bold), (.input, underline),
            ]
            for (role, attr) in scheme { attributes[role] = attr }
        }
    }

    func attribute(for style: CellStyle) -> Int32 {
        let base = attributes[style.role] ?? 0
        // On the selected line, reverse video; faint text would fade into the bar, so it is not faint there.
        return style.selected ? (base & ~cw_attr_dim()) | cw_attr_reverse() : base
    }
}
