/* Asks terminfo about $TERM before ncurses starts (term.h's macros stay out of shim.c). */
#include "CNCurses.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
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

