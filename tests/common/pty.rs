//! The real binary in a pseudo-terminal: start it, send keys, read the screen, close
//! the terminal under it, signal it, and wait for it to exit, every wait with a
//! deadline.

use portable_pty::{CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long any one wait may take before the test fails; generous for a loaded CI machine.
pub const DEADLINE: Duration = Duration::from_secs(20);

pub const ROWS: u16 = 24;
pub const COLS: u16 = 80;

pub struct Run {
    /// The terminal's side of the pty; `None` once [`Run::close_terminal`] closed it.
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<std::fs::File>,
    output: Arc<Mutex<Vec<u8>>>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// The thread copying the terminal's output; it ends when the child has closed the pty.
    reader: Option<std::thread::JoinHandle<()>>,
    /// Signalled when the reader has copied everything (end of file or an error).
    reader_done: std::sync::mpsc::Receiver<()>,
    /// Tells the reader to stop and close its side of the terminal.
    closing: Arc<AtomicBool>,
    /// The screen so far, and how much of the output it has read: each look at the
    /// screen parses only what came since.
    parsed: Mutex<(vt100::Parser, usize)>,
}

/// convene on a sessions folder, with these arguments.
pub fn convene(dir: &Path, args: &[&str]) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_convene"));
    cmd.arg("--dir");
    cmd.arg(dir);
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("CONVENE_DIR");
    cmd.env_remove("CONVENE_CONFIG");
    cmd
}

impl Run {
    /// convene in an 80x24 terminal, as the session leader (as in a terminal window).
    pub fn start(dir: &Path, args: &[&str]) -> Run {
        Run::spawn(convene(dir, args))
    }

    pub fn spawn(cmd: CommandBuilder) -> Run {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let output = Arc::new(Mutex::new(Vec::new()));
        let closing = Arc::new(AtomicBool::new(false));
        let (done_tx, reader_done) = std::sync::mpsc::channel();
        let reader = {
            let (sink, closing) = (output.clone(), closing.clone());
            // Its own descriptor of the terminal, which it closes when it stops, so
            // that closing the terminal really closes it.
            let fd = pair.master.as_raw_fd().expect("a unix pty");
            // SAFETY: dup of a descriptor we own; the File takes the copy over.
            let mut terminal = unsafe { std::fs::File::from_raw_fd(libc::dup(fd)) };
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                loop {
                    let mut ready = libc::pollfd {
                        fd: terminal.as_raw_fd(),
                        events: libc::POLLIN,
                        revents: 0,
                    };
                    // SAFETY: one valid pollfd. A short timeout, to notice `closing`.
                    if unsafe { libc::poll(&mut ready, 1, 20) } > 0 {
                        // Linux ends the stream with EIO once the child has closed its side.
                        match terminal.read(&mut buf) {
                            Ok(0) | Err(_) => break,
                            Ok(n) => sink.lock().unwrap().extend_from_slice(&buf[..n]),
                        }
                    } else if closing.load(Ordering::Relaxed) {
                        break;
                    }
                }
                let _ = done_tx.send(());
            })
        };
        // Our own descriptor for keys too: portable-pty's writer types a newline and
        // an end-of-file when dropped, which a closed terminal window does not.
        let fd = pair.master.as_raw_fd().expect("a unix pty");
        // SAFETY: as above.
        let writer = unsafe { std::fs::File::from_raw_fd(libc::dup(fd)) };
        Run {
            master: Some(pair.master),
            writer: Some(writer),
            output,
            child,
            closing,
            reader: Some(reader),
            reader_done,
            parsed: Mutex::new((vt100::Parser::new(ROWS, COLS, 0), 0)),
        }
    }

    /// Everything the program wrote, escape sequences included.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned()
    }

    /// The screen as a terminal would show it after everything written so far.
    pub fn screen(&self) -> String {
        let mut parsed = self.parsed.lock().unwrap();
        let (parser, done) = &mut *parsed;
        let output = self.output.lock().unwrap();
        parser.process(&output[*done..]);
        *done = output.len();
        parser.screen().contents()
    }

    pub fn wait_for(&self, needle: &str) {
        self.wait_for_every(needle, Duration::from_millis(20));
    }

    /// Waits until `needle` is no longer on the screen.
    pub fn wait_without(&self, needle: &str) {
        let deadline = Instant::now() + DEADLINE;
        while self.screen().contains(needle) {
            assert!(
                Instant::now() < deadline,
                "{needle:?} stayed on:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for `needle` on the screen, looking every `poll`; returns how long it took.
    pub fn wait_for_every(&self, needle: &str, poll: Duration) -> Duration {
        let start = Instant::now();
        let deadline = start + DEADLINE;
        while !self.screen().contains(needle) {
            assert!(
                Instant::now() < deadline,
                "never saw {needle:?} on:\n{}",
                self.screen()
            );
            std::thread::sleep(poll);
        }
        start.elapsed()
    }

    /// Sends keys; the caller then waits for what they should bring on screen.
    pub fn keys(&mut self, bytes: &[u8]) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(bytes).unwrap();
        writer.flush().unwrap();
    }

    /// The terminal's settings as the program left them.
    pub fn termios(&self) -> nix::sys::termios::Termios {
        let master = self.master.as_ref().expect("the terminal is open");
        master.get_termios().expect("pty termios")
    }

    /// The process id of what runs in the terminal.
    pub fn pid(&self) -> i32 {
        let pid = self.child.process_id().expect("a running child");
        i32::try_from(pid).unwrap()
    }

    /// Sends a signal, as `kill -SIGNAL PID` would.
    pub fn signal(&self, signal: i32) {
        // SAFETY: kill has no memory effects; the pid is our own child's.
        assert_eq!(unsafe { libc::kill(self.pid(), signal) }, 0, "kill");
    }

    /// Closes the terminal under the program, as closing its window does.
    pub fn close_terminal(&mut self) {
        self.closing.store(true, Ordering::Relaxed);
        self.writer.take();
        self.master.take();
    }

    /// Waits for the child to exit and for the reader to have copied all it wrote,
    /// so `text()` afterwards holds the whole output.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + DEADLINE;
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "the program did not exit within {DEADLINE:?}:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        let left = deadline.saturating_duration_since(Instant::now());
        self.reader_done
            .recv_timeout(left)
            .expect("the output reader finishes once the program has exited");
        self.reader.take().unwrap().join().unwrap();
        status
    }
}

impl Drop for Run {
    /// A test that failed half-way leaves no program running behind it.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
