#!/usr/bin/env python3
"""Turns `confwatch --experimental-dump-help` (ArgumentParser's ToolInfo JSON) into man pages:
confwatch.1 and one confwatch-SUBCOMMAND.1 per subcommand, so the pages say exactly what --help says.

Usage: manpages.py HELP.json OUTPUT_DIR --version "0.2.0 (abc1234)"
"""
import argparse
import json
import pathlib


def roff(text):
    """Plain text as roff: backslashes and hyphens escaped, no line read as a request."""
    lines = []
    for line in (text or "").replace("\\", "\\e").replace("-", "\\-").split("\n"):
        lines.append("\\&" + line if line.startswith((".", "'")) else line)
    return "\n".join(lines)


def paragraphs(text):
    return "\n.PP\n".join(roff(p.strip()) for p in (text or "").split("\n\n") if p.strip())


def flag_names(argument):
    names = []
    for name in argument.get("names") or []:
        dashes = "--" if name["kind"] == "long" else "-"
        names.append("\\fB" + roff(dashes + name["name"]) + "\\fR")
    value = argument.get("valueName")
    if argument["kind"] == "option" and value:
        names[-1] += " \\fI" + roff(value) + "\\fR"
    return ", ".join(names)


def term(argument):
    if argument["kind"] == "positional":
        text = "\\fI" + roff(argument.get("valueName") or "value") + "\\fR"
        return text + ("..." if argument.get("isRepeating") else "")
    return flag_names(argument)


def synopsis_part(argument):
    if argument["kind"] == "positional":
        part = "\\fI" + roff(argument.get("valueName") or "value") + "\\fR" + ("..." if argument.get("isRepeating") else "")
    else:
        name = argument.get("preferredName") or argument["names"][0]
        part = "\\fB" + roff(("--" if name["kind"] == "long" else "-") + name["name"]) + "\\fR"
        if argument["kind"] == "option":
            part += " \\fI" + roff(argument.get("valueName") or "value") + "\\fR"
    return f"[{part}]" if argument.get("isOptional") else part


def shown(items):
    return [item for item in items or [] if item.get("shouldDisplay", True)]


def page(command, path, version, see_also):
    full = " ".join(path)
    name = "-".join(path)
    arguments = shown(command.get("arguments"))
    subcommands = [s for s in shown(command.get("subcommands")) if s["commandName"] != "help"]
    out = [f'.TH "{name.upper()}" "1" "" "confwatch {roff(version)}" "User Commands"',
           ".nh", ".ad l", ".SH NAME", f"{roff(name)} \\- {roff(command.get('abstract') or '')}",
           ".SH SYNOPSIS", f".B {roff(full)}"]
    if subcommands:
        out.append("[\\fIsubcommand\\fR]")
    out += [synopsis_part(a) for a in arguments if a["kind"] == "positional" or a.get("names")]
    out += [".SH DESCRIPTION", paragraphs(command.get("discussion") or command.get("abstract"))]
    if subcommands:
        out.append(".SH SUBCOMMANDS")
        for sub in subcommands:
            default = " (the default)" if command.get("defaultSubcommand") == sub["commandName"] else ""
            out += [".TP", f"\\fB{roff(sub['commandName'])}\\fR{default}", roff(sub.get("abstract") or ""),
                    f"See \\fB{roff('-'.join(path + [sub['commandName']]))}\\fR(1)."]
    if arguments:
        out.append(".SH OPTIONS")
        for argument in arguments:
            text = roff(argument.get("abstract") or "")
            if argument.get("discussion"):
                text += "\n" + paragraphs(argument["discussion"])
            if argument.get("defaultValue") not in (None, ""):
                text += f" (default: {roff(argument['defaultValue'])})"
            out += [".TP", term(argument), text]
    if see_also:
        out += [".SH SEE ALSO", ",\n".join(f"\\fB{roff(other)}\\fR(1)" for other in see_also)]
    return name, "\n".join(out) + "\n"


def walk(command, path, version, parent):
    subcommands = [s for s in shown(command.get("subcommands")) if s["commandName"] != "help"]
    children = ["-".join(path + [s["commandName"]]) for s in subcommands]
    see_also = ([parent] if parent else []) + children
    yield page(command, path, version, see_also)
    for sub in subcommands:
        yield from walk(sub, path + [sub["commandName"]], version, "-".join(path))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("help_json")
    parser.add_argument("output_dir")
    parser.add_argument("--version", required=True)
    options = parser.parse_args()
    root = json.loads(pathlib.Path(options.help_json).read_text())["command"]
    out = pathlib.Path(options.output_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in walk(root, [root["commandName"]], options.version, None):
        (out / f"{name}.1").write_text(text)


if __name__ == "__main__":
    main()
