#ifndef CNCURSES_H
#define CNCURSES_H

/* ncursesw with wide-character support; SwiftPM drops -D_XOPEN_SOURCE, so ask for it here. */
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Macros Swift cannot import, as functions. */
static inline int cw_attr_bold(void) { return (int)A_BOLD; }
static inline int cw_attr_reverse(void) { return (int)A_REVERSE; }
static inline int cw_attr_underline(void) { return (int)A_UNDERLINE; }
static inline int cw_attr_dim(void) { return (int)A_DIM; }
static inline int cw_attr_normal(void) { return (int)A_NORMAL; }
static inline int cw_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline WINDOW *cw_stdscr(void) { return stdscr; }
static inline int cw_lines(void) { return LINES; }
static inline int cw_cols(void) { return COLS; }
static inline int cw_key_resize(void) { return KEY_RESIZE; }
static inline int cw_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cw_err(void) { return ERR; }

/* Saves the terminal's mode at start-up, so every exit path (including a crash) can restore it. */
void cw_save_terminal_mode(void);
/* Restores the saved mode, shows the cursor and leaves the alternate screen. Async-signal-safe. */
void cw_restore_terminal_mode(void);
/* On SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP and SIGABRT: restore the terminal, then die as before. */
void cw_install_crash_handlers(void);

/* The self-pipe that wakes the UI loop: SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH, SIGTSTP and SIGCONT
   write their number to it. */
int cw_wake_pipe_read_fd(void);
int cw_wake_pipe_write_fd(void);
int cw_open_wake_pipe(void);
void cw_install_quit_signal_handlers(void);
/* Waits until stdin or the wake pipe is readable, or `timeout_ms` passes (-1: forever).
   Returns a bit set: 1 = stdin, 2 = wake pipe; 0 on timeout or interruption (SIGWINCH). */
int cw_wait_for_input(int timeout_ms);
/* Reads the wake pipe empty; returns 1 if a quit signal came, | 2 if the window size changed,
   | 4 if SIGTSTP asked to suspend, | 8 if SIGCONT continued the process. */
int cw_drain_wake_pipe(void);
/* The last of SIGINT, SIGTERM, SIGHUP, SIGQUIT that arrived (0 if none). */
int cw_last_quit_signal(void);
/* Lets the calling thread (the UI loop) receive the quit signals, SIGWINCH, SIGTSTP and SIGCONT. */
void cw_unblock_signals_in_this_thread(void);
/* Reads the terminal's size; when it changed, tells ncurses (resizeterm) and returns 1. */
int cw_update_size(void);
/* Wakes the UI loop from another thread. */
void cw_wake(void);

/* For benchmarks: a pseudo-terminal of the given size, and ncurses on its slave side. */
int cw_open_pty(int *master, int *slave, int columns, int rows);
/* Bytes waiting to be read on `fd`. */
int cw_pending_bytes(int fd);
int cw_newterm_on(int fd);

/* Stops the process as SIGTSTP's default action does (the caller gave the terminal back first);
   returns when it is continued (fg, SIGCONT). */
void cw_stop_this_process(void);
/* Turns the terminal's bracketed paste mode on (1) or off (0). */
void cw_bracketed_paste(int on);
/* Whether $TERM can run a full-screen program, asked before ncurses starts: 0 yes; 1 TERM is not in
   the terminfo database; 2 it cannot address the cursor (dumb, hardcopy); 3 TERM is not set. */
int cw_terminal_fitness(void);
/* Whether the locale (after setlocale) encodes text as UTF-8. */
int cw_locale_is_utf8(void);
/* The colours terminfo gives terminal type `name` (0 when none), -2 when the type is unknown,
   -3 when no terminfo database is found (terminfo.c). */
int cw_terminfo_colors(const char *name);

#endif
