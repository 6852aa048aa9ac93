#include "CNCurses.h"

#include <errno.h>
#include <langinfo.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sys/ioctl.h>
#include <pty.h>
#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved_mode;
static int have_saved_mode = 0;
static int wake_fds[2] = {-1, -1};

void cw_save_terminal_mode(void) {
    if (tcgetattr(STDIN_FILENO, &saved_mode) == 0) have_saved_mode = 1;
}

void cw_restore_terminal_mode(void) {
    if (have_saved_mode) tcsetattr(STDIN_FILENO, TCSANOW, &saved_mode);
    /* Show the cursor, reset attributes, leave the alternate screen, bracketed paste off. */
    static const char reset[] = "\033[0m\033[?25h\033[?1049l\033[?2004l";
    ssize_t ignored = write(STDOUT_FILENO, reset, sizeof reset - 1);
    (void)ignored;
}

static void crash_handler(int signo) {
    cw_restore_terminal_mode();
    signal(signo, SIG_DFL);
    raise(signo);
}

void cw_install_crash_handlers(void) {
    int signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT};
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = crash_handler;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESETHAND;
        sigaction(signals[i], &action, NULL);
    }
}

int cw_open_wake_pipe(void) {
    if (wake_fds[0] >= 0) return 0;
    if (pipe(wake_fds) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(wake_fds[i], F_SETFL, fcntl(wake_fds[i], F_GETFL) | O_NONBLOCK);
        fcntl(wake_fds[i], F_SETFD, FD_CLOEXEC);
    }
    return 0;
}

int cw_wake_pipe_read_fd(void) { return wake_fds[0]; }
int cw_wake_pipe_write_fd(void) { return wake_fds[1]; }

static volatile sig_atomic_t last_quit_signal = 0;

int cw_last_quit_signal(void) { return (int)last_quit_signal; }

static void quit_handler(int signo) {
    unsigned char byte = (unsigned char)signo;
    if (signo != SIGWINCH && signo != SIGTSTP && signo != SIGCONT) last_quit_signal = signo;
    int saved = errno;
    ssize_t ignored = write(wake_fds[1], &byte, 1);
    (void)ignored;
    errno = saved;
}

void cw_install_quit_signal_handlers(void) {
    int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH, SIGTSTP, SIGCONT};
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = quit_handler;
        sigemptyset(&action.sa_mask);
        action.sa_flags = 0; /* no SA_RESTART: poll() returns at once */
        sigaction(signals[i], &action, NULL);
    }
    signal(SIGPIPE, SIG_IGN);
}

void cw_unblock_signals_in_this_thread(void) {
    sigset_t set;
    sigemptyset(&set);
    int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH, SIGTSTP, SIGCONT};
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaddset(&set, signals[i]);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

int cw_update_size(void) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return 0;
    if (size.ws_row == LINES && size.ws_col == COLS) return 0;
    resizeterm(size.ws_row, size.ws_col);
    return 1;
}

int cw_wait_for_input(int timeout_ms) {
    struct pollfd fds[2];
    fds[0].fd = STDIN_FILENO;
    fds[0].events = POLLIN;
    fds[1].fd = wake_fds[0];
    fds[1].events = POLLIN;
    int n = poll(fds, 2, timeout_ms);
    if (n <= 0) return 0;
    int result = 0;
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) result |= 1;
    if (fds[1].revents & POLLIN) result |= 2;
    return result;
}

int cw_drain_wake_pipe(void) {
    unsigned char buffer[64];
    int flags = 0;
    ssize_t n;
    while ((n = read(wake_fds[0], buffer, sizeof buffer)) > 0) {
        for (ssize_t i = 0; i < n; i++) {
            if (buffer[i] == SIGWINCH) flags |= 2;
            else if (buffer[i] == SIGTSTP) flags |= 4;
            else if (buffer[i] == SIGCONT) flags |= 8;
            else if (buffer[i] != 0) flags |= 1;
        }
    }
    return flags;
}

void cw_wake(void) {
    unsigned char zero = 0;
    ssize_t ignored = write(wake_fds[1], &zero, 1);
    (void)ignored;
}

int cw_open_pty(int *master, int *slave, int columns, int rows) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    size.ws_col = (unsigned short)columns;
    size.ws_row = (unsigned short)rows;
    if (openpty(master, slave, NULL, NULL, &size) != 0) return -1;
    return 0;
}

int cw_pending_bytes(int fd) {
    int count = 0;
    if (ioctl(fd, FIONREAD, &count) != 0) return 0;
    return count;
}

int cw_newterm_on(int fd) {
    FILE *out = fdopen(dup(fd), "w");
    FILE *in = fdopen(dup(fd), "r");
    if (!out || !in) return -1;
    SCREEN *screen = newterm("xterm-256color", out, in);
    if (!screen) return -1;
    set_term(screen);
    return 0;
}

void cw_stop_this_process(void) {
    struct sigaction fallback, previous;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(SIGTSTP, &fallback, &previous);
    sigset_t set, saved;
    sigemptyset(&set);
    sigaddset(&set, SIGTSTP);
    pthread_sigmask(SIG_UNBLOCK, &set, &saved);
    raise(SIGTSTP); /* stops here until SIGCONT (fg) */
    sigaction(SIGTSTP, &previous, NULL);
    pthread_sigmask(SIG_SETMASK, &saved, NULL);
}

void cw_bracketed_paste(int on) {
    static const char enable[] = "\033[?2004h";
    static const char disable[] = "\033[?2004l";
    ssize_t ignored = on ? write(STDOUT_FILENO, enable, sizeof enable - 1) : write(STDOUT_FILENO, disable, sizeof disable - 1);
    (void)ignored;
}

int cw_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}
