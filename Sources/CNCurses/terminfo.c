/* What terminfo knows of a terminal type, for `confwatch doctor`; kept apart from shim.c because
   term.h defines macros (columns, lines…) that clash with ordinary names there. */
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <unistd.h>

int cw_terminfo_colors(const char *name) {
    int error = 0;
    TERMINAL *previous = cur_term;
    if (setupterm(name, STDERR_FILENO, &error) != OK) {
        set_curterm(previous);
        return error == -1 ? -3 : -2;
    }
    int colors = tigetnum("colors");
    del_curterm(set_curterm(previous));
    return colors < 0 ? 0 : colors;
}
