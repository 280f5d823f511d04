//! Signals while the console owns the terminal. SIGTERM, SIGINT and SIGHUP set a flag the
//! event loop checks between bounded batches of work, so the console ends at once, restores
//! the terminal and closes an open meeting on record; then [`die_of`] ends the process by that
//! same signal, so its parent sees what it sent: a shell's `$?` is 128 + the signal (143 after
//! SIGTERM, 129 after SIGHUP, 130 after SIGINT), and systemd counts a SIGTERM'd service as
//! stopped cleanly (an `exit(143)` it would count as a failure). SIGQUIT and the fatal signals
//! (a crash) cannot wait for the loop: their handler puts the terminal back itself (cooked
//! mode, main screen, cursor, no mouse or bracketed paste), using only async-signal-safe calls,
//! then lets the signal do what it does by default (end the process, status 128 + the signal,
//! with a core dump where the system keeps them). Decisions are on disk as soon as they are
//! taken, so no signal loses one.

use std::sync::atomic::AtomicUsize;
use std::sync::Arc;

pub use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

/// The flag the event loop checks: 0, or the number of the SIGTERM, SIGINT or SIGHUP received
/// (the last one, if several came).
pub fn termination_flag() -> Arc<AtomicUsize> {
    let flag = Arc::new(AtomicUsize::new(0));
    for sig in [SIGTERM, SIGHUP, SIGINT] {
        let _ = signal_hook::flag::register_usize(sig, flag.clone(), sig as usize);
    }
    flag
}

/// After the console has put the terminal back: end the process by `sig`, as if the console
/// had never caught it. Returns only if the signal did not end the process (it cannot be
/// delivered): then the status to exit with, 128 + the signal, as a shell would report it.
pub fn die_of(sig: i32) -> u8 {
    let _ = signal_hook::low_level::emulate_default_handler(sig);
    (128 + sig).clamp(0, 255) as u8
}

#[cfg(unix)]
mod fatal {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Mutex;

    /// What puts a terminal back: leave the alternate screen, show the cursor, stop mouse
    /// reports and bracketed paste, reset colours.
    const RESTORE: &[u8] =
        b"\x1b[?2004l\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[0m\x1b[?25h\x1b[?1049l";

    /// The terminal's settings before raw mode, kept where the handler can read them without
    /// taking a lock.
    static mut SAVED: Option<libc::termios> = None;
    static ARMED: AtomicBool = AtomicBool::new(false);
    static INSTALLED: Mutex<bool> = Mutex::new(false);

    pub const SIGNALS: [libc::c_int; 10] = [
        libc::SIGQUIT,
        libc::SIGABRT,
        libc::SIGSEGV,
        libc::SIGBUS,
        libc::SIGILL,
        libc::SIGFPE,
        libc::SIGSYS,
        libc::SIGTRAP,
        libc::SIGXCPU,
        libc::SIGXFSZ,
    ];

    extern "C" fn restore_and_die(sig: libc::c_int) {
        // Only async-signal-safe calls: tcsetattr, write, raise.
        if ARMED.load(Ordering::SeqCst) {
            unsafe {
                let saved = std::ptr::addr_of!(SAVED).read();
                if let Some(t) = saved {
                    libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &t);
                }
                libc::write(libc::STDOUT_FILENO, RESTORE.as_ptr().cast(), RESTORE.len());
            }
        }
        // SA_RESETHAND put the default action back: the signal now does what it always does.
        unsafe {
            libc::raise(sig);
        }
    }

    /// Remember the terminal's settings (call before raw mode) and install the handlers.
    pub fn arm() {
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(libc::STDIN_FILENO, &mut t) == 0 {
                std::ptr::addr_of_mut!(SAVED).write(Some(t));
            }
        }
        let mut installed = INSTALLED.lock().unwrap_or_else(|e| e.into_inner());
        if !*installed {
            for sig in SIGNALS {
                unsafe {
                    let mut sa: libc::sigaction = std::mem::zeroed();
                    sa.sa_sigaction = restore_and_die as *const () as usize;
                    sa.sa_flags = libc::SA_RESETHAND | libc::SA_NODEFER;
                    libc::sigemptyset(&mut sa.sa_mask);
                    libc::sigaction(sig, &sa, std::ptr::null_mut());
                }
            }
            *installed = true;
        }
        ARMED.store(true, Ordering::SeqCst);
    }

    /// The terminal is ours no more (the console has restored it).
    pub fn disarm() {
        ARMED.store(false, Ordering::SeqCst);
    }
}

/// Before raw mode: make SIGQUIT and the fatal signals restore the terminal.
pub fn arm_fatal() {
    #[cfg(unix)]
    fatal::arm();
}

/// After the console has restored the terminal itself.
pub fn disarm_fatal() {
    #[cfg(unix)]
    fatal::disarm();
}
