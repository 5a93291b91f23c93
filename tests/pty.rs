//! The real binary in a pseudo-terminal: it starts, takes keys, quits, saves, and
//! leaves the terminal as it found it.

use nix::sys::termios::LocalFlags;
use portable_pty::{CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long any one wait may take before the test fails; generous for a loaded CI machine.
const DEADLINE: Duration = Duration::from_secs(20);

struct Run {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// The thread copying the terminal's output; it ends when the child has closed the pty.
    reader: Option<std::thread::JoinHandle<()>>,
    /// Signalled when the reader has copied everything (end of file or an error).
    reader_done: std::sync::mpsc::Receiver<()>,
}

impl Run {
    fn start(dir: &Path, args: &[&str]) -> Run {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_convene"));
        cmd.arg("--dir");
        cmd.arg(dir);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("CONVENE_DIR");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = output.clone();
        let (done_tx, reader_done) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            // Linux ends the stream with EIO once the child has closed its side.
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
            let _ = done_tx.send(());
        });
        let writer = pair.master.take_writer().unwrap();
        Run {
            master: pair.master,
            writer,
            output,
            child,
            reader: Some(reader),
            reader_done,
        }
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned()
    }

    /// The screen as a terminal would show it after everything written so far.
    fn screen(&self) -> String {
        let mut parser = vt100::Parser::new(24, 80, 0);
        parser.process(&self.output.lock().unwrap());
        parser.screen().contents()
    }

    fn wait_for(&self, needle: &str) {
        let deadline = Instant::now() + DEADLINE;
        while !self.screen().contains(needle) {
            assert!(
                Instant::now() < deadline,
                "never saw {needle:?} on:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Sends keys; the caller then waits for what they should bring on screen.
    fn keys(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the child to exit and for the reader to have copied all it wrote,
    /// so `text()` afterwards holds the whole output.
    fn wait_exit(&mut self) -> bool {
        let deadline = Instant::now() + DEADLINE;
        let success = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status.success();
            }
            assert!(
                Instant::now() < deadline,
                "convene did not exit:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        let left = deadline.saturating_duration_since(Instant::now());
        self.reader_done
            .recv_timeout(left)
            .expect("the output reader finishes once convene has exited");
        self.reader.take().unwrap().join().unwrap();
        success
    }
}

fn only_session(dir: &Path) -> convene::domain::session::Session {
    let files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    convene::storage::load(&files[0]).unwrap()
}

#[test]
fn start_step_quit_restore_and_resume() {
    let dir = tempfile::tempdir().unwrap();
    let mut run = Run::start(dir.path(), &["new", "--title", "Pty run"]);
    run.wait_for("STEP 1 OF 6");
    run.keys(b" ");
    run.wait_for("running");
    run.keys(b"n");
    run.wait_for("STEP 2 OF 6");

    // A second convene in another terminal must not open (and overwrite) it.
    let mut second = Run::start(dir.path(), &["open", "pty-run"]);
    assert!(!second.wait_exit(), "the second convene refuses");
    assert!(
        second.text().contains("already open in another convene"),
        "{}",
        second.text()
    );

    run.keys(b"q");
    run.wait_for("Quit convene?");
    run.keys(b"y");
    assert!(run.wait_exit(), "exit status 0");

    let out = run.text();
    let last_leave = out.rfind("\x1b[?1049l").expect("left the alternate screen");
    assert!(out.rfind("\x1b[?1049h").unwrap() < last_leave);
    assert!(
        out.rfind("\x1b[?25h").expect("cursor shown again") > out.rfind("\x1b[?25l").unwrap_or(0)
    );
    let termios = run.master.get_termios().expect("pty termios");
    assert!(
        termios
            .local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ECHO),
        "raw mode is off again"
    );

    let session = only_session(dir.path());
    assert_eq!(session.title, "Pty run");
    assert_eq!(session.timing.current, 1);
    assert!(
        session.timing.is_running(),
        "the clock keeps running while the app is closed"
    );

    // Reopened by name, it comes back on the same step.
    let mut again = Run::start(dir.path(), &["open", "pty-run"]);
    again.wait_for("STEP 2 OF 6");
    again.keys(b"\x03"); // Ctrl-C saves and leaves at once
    assert!(again.wait_exit());
    assert!(again.text().contains("\x1b[?1049l"));
}

/// A new session in `dir` with this config (in a folder of its own).
fn start_with_config(dir: &Path, config: &str) -> Run {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("config.toml");
    std::fs::write(&path, config).unwrap();
    let run = Run::start(dir, &["--config", path.to_str().unwrap(), "new"]);
    run.wait_for("STEP 1 OF 6");
    run
}

#[test]
fn a_broken_config_still_opens_the_workshop_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    // Line 2 is wrong; line 1 and 3 still count for the new session.
    let mut run = start_with_config(
        dir.path(),
        "theme = \"dark\"\nbell = \"yes\"\npanel = false\n",
    );
    run.wait_for("config.toml: line 2: bell must be true or false");
    run.keys(b"q");
    run.wait_for("Quit convene?");
    run.keys(b"y");
    assert!(run.wait_exit(), "a broken config is no failure");
    let out = run.text();
    let said = out
        .find("line 2: bell must be true or false")
        .expect("said on standard error");
    assert!(
        said < out.find("\x1b[?1049h").unwrap(),
        "before the terminal opens"
    );
    let session = only_session(dir.path());
    assert_eq!(
        session.settings,
        convene::domain::session::Settings {
            bell: false,
            theme: convene::domain::session::ThemeName::Dark,
            show_panel: false,
        },
        "a new session starts with the config's settings"
    );
}
