/* Asks terminfo about terminal types before (or without) starting ncurses: whether $TERM can run a
   full-screen program, and what colours a type has for `confwatch doctor`. Kept apart from shim.c
   because term.h defines macros (columns, lines…) that clash with ordinary names there. */
#define NCURSES_WIDECHAR 1
#include "CNCurses.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

int cw_terminal_fitness(void) {
    const char *term = getenv("TERM");
    if (term == NULL || *term == 0) return 3;
    int status = 0;
    if (setupterm((char *)term, STDOUT_FILENO, &status) != OK) {
        /* 0: not found, or too generic (dumb); 1: hardcopy; -1: no terminfo database. */
        return status == 1 || strcmp(term, "dumb") == 0 ? 2 : 1;
    }
    const char *address = tigetstr("cup");
    int fit = (address != NULL && address != (char *)-1) ? 0 : 2;
    del_curterm(cur_term);
    return fit;
}

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
