//! Saving off the keystroke path: the app hands a copy of the session to a writer
//! thread, which serializes and writes only the newest copy it has. A write that fails
//! (a full disk, a folder gone read-only) is tried again with a growing pause until it
//! is written, so a change never waits for the next keystroke to reach the disk.

use super::{StorageError, save, to_json};
use crate::domain::session::Session;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread::JoinHandle;
use std::time::Duration;

pub struct Autosaver {
    tx: Option<Sender<Session>>,
    handle: Option<JoinHandle<Result<(), StorageError>>>,
}

/// What the writer thread reports back after each write.
pub type SaveReport = Result<PathBuf, StorageError>;

/// How long to wait before trying a failed write again: `first`, then twice as long
/// each time, never longer than `max`.
#[derive(Debug, Clone, Copy)]
pub struct Backoff {
    pub first: Duration,
    pub max: Duration,
}

impl Backoff {
    pub const SAVES: Backoff = Backoff {
        first: Duration::from_millis(500),
        max: Duration::from_secs(8),
    };

    fn after(self, delay: Duration) -> Duration {
        (delay * 2).min(self.max)
    }
}

/// Tries at quitting before giving up on a write that keeps failing.
const LAST_TRIES: u32 = 3;

impl Autosaver {
    /// `report` is called on the writer thread after every write (to wake the app).
    pub fn start(path: PathBuf, report: impl Fn(SaveReport) + Send + 'static) -> Autosaver {
        let write = move |session: &Session| save(&path, &to_json(session)).map(|()| path.clone());
        Autosaver::with_writer(write, Backoff::SAVES, report)
    }

    /// An autosaver that writes with `write`: the real one saves a file; tests inject
    /// failures.
    pub fn with_writer(
        write: impl FnMut(&Session) -> SaveReport + Send + 'static,
        backoff: Backoff,
        report: impl Fn(SaveReport) + Send + 'static,
    ) -> Autosaver {
        let (tx, rx) = channel::<Session>();
        let handle = std::thread::Builder::new()
            .name("autosave".into())
            .spawn(move || writer(rx, write, backoff, report))
            .expect("spawn the autosave thread");
        Autosaver {
            tx: Some(tx),
            handle: Some(handle),
        }
    }

    pub fn save(&self, session: Session) {
        if let Some(tx) = &self.tx {
            // The writer only stops when we drop the sender, so this cannot fail.
            let _ = tx.send(session);
        }
    }

    /// Writes whatever is queued and waits for it: used when quitting. A write that
    /// still fails after a few more tries is given up, and its error returned.
    pub fn finish(&mut self) -> Result<(), StorageError> {
        self.tx.take();
        match self.handle.take().map(JoinHandle::join) {
            Some(Ok(result)) => result,
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            None => Ok(()),
        }
    }
}

impl Drop for Autosaver {
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

fn writer(
    rx: Receiver<Session>,
    mut write: impl FnMut(&Session) -> SaveReport,
    backoff: Backoff,
    report: impl Fn(SaveReport),
) -> Result<(), StorageError> {
    // A copy not written yet, and how long to wait before trying it again.
    let mut unsaved: Option<Session> = None;
    let mut delay = backoff.first;
    loop {
        let retrying = unsaved.is_some();
        let next = match unsaved.take() {
            None => match rx.recv() {
                Ok(session) => session,
                Err(_) => return Ok(()),
            },
            Some(failed) => match rx.recv_timeout(delay) {
                Ok(newer) => newer,
                Err(RecvTimeoutError::Timeout) => failed,
                Err(RecvTimeoutError::Disconnected) => {
                    return last_tries(&failed, &mut write, backoff.first);
                }
            },
        };
        // Skip to the newest copy: older ones are already out of date.
        let session = rx.try_iter().last().unwrap_or(next);
        match write(&session) {
            Ok(path) => report(Ok(path)),
            Err(mut e) => {
                delay = if retrying {
                    backoff.after(delay)
                } else {
                    backoff.first
                };
                e.reason.push_str("; trying again");
                report(Err(e));
                unsaved = Some(session);
            }
        }
    }
}

/// At quitting, a write that failed gets a few more tries, `pause` apart.
fn last_tries(
    session: &Session,
    write: &mut impl FnMut(&Session) -> SaveReport,
    pause: Duration,
) -> Result<(), StorageError> {
    let mut tries = 0;
    loop {
        match write(session) {
            Ok(_) => return Ok(()),
            Err(e) if tries + 1 >= LAST_TRIES => return Err(e),
            Err(_) => {
                tries += 1;
                std::thread::sleep(pause);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::template::Template;
    use chrono::Utc;
    use std::sync::{Arc, Mutex, mpsc};

    /// Generous for a loaded machine; the retries themselves take milliseconds.
    const DEADLINE: Duration = Duration::from_secs(20);

    const QUICK: Backoff = Backoff {
        first: Duration::from_millis(2),
        max: Duration::from_millis(20),
    };

    fn session(title: &str) -> Session {
        let mut s = Session::new(Template::default_template(), "T", Utc::now());
        s.title = title.into();
        s
    }

    /// A writer that fails its first `failures` writes as a full disk would, and
    /// records the titles it wrote.
    fn flaky(failures: usize) -> (impl FnMut(&Session) -> SaveReport, Arc<Mutex<Vec<String>>>) {
        let written = Arc::new(Mutex::new(Vec::new()));
        let log = written.clone();
        let mut calls = 0;
        let write = move |s: &Session| {
            calls += 1;
            if calls <= failures {
                return Err(StorageError {
                    path: "s.json".into(),
                    reason: "No space left on device (os error 28)".into(),
                });
            }
            log.lock().unwrap().push(s.title.clone());
            Ok(PathBuf::from("s.json"))
        };
        (write, written)
    }

    #[test]
    fn the_last_queued_copy_is_on_disk_after_finish() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let mut saver = Autosaver::start(path.clone(), |r| assert!(r.is_ok()));
        let mut s = session("T");
        for i in 0..50 {
            s.title = format!("title {i}");
            saver.save(s.clone());
        }
        saver.finish().unwrap();
        assert_eq!(crate::storage::load(&path).unwrap().title, "title 49");
    }

    #[test]
    fn a_failed_write_is_tried_again_until_written_and_says_so() {
        let (write, written) = flaky(3);
        let (tx, reports) = mpsc::channel();
        let mut saver = Autosaver::with_writer(write, QUICK, move |r| {
            let _ = tx.send(r);
        });
        saver.save(session("after the full disk"));
        for _ in 0..3 {
            let e = reports.recv_timeout(DEADLINE).unwrap().unwrap_err();
            assert!(
                e.reason.contains("No space left") && e.reason.contains("trying again"),
                "{e}"
            );
        }
        // No other edit and no quit: the retry alone writes it.
        assert!(
            reports.recv_timeout(DEADLINE).unwrap().is_ok(),
            "written in the end"
        );
        assert_eq!(*written.lock().unwrap(), ["after the full disk"]);
        saver.finish().unwrap();
    }

    #[test]
    fn a_newer_copy_is_tried_at_once_without_waiting_out_the_pause() {
        let (write, written) = flaky(1);
        let (tx, reports) = mpsc::channel();
        let slow = Backoff {
            first: Duration::from_secs(3600),
            max: Duration::from_secs(3600),
        };
        let mut saver = Autosaver::with_writer(write, slow, move |r| {
            let _ = tx.send(r);
        });
        saver.save(session("first"));
        assert!(reports.recv_timeout(DEADLINE).unwrap().is_err());
        saver.save(session("second"));
        assert!(reports.recv_timeout(DEADLINE).unwrap().is_ok());
        assert_eq!(*written.lock().unwrap(), ["second"]);
        saver.finish().unwrap();
    }

    #[test]
    fn quitting_gives_up_on_a_write_that_keeps_failing_and_says_why() {
        let (write, written) = flaky(usize::MAX);
        let mut saver = Autosaver::with_writer(write, QUICK, |_| {});
        saver.save(session("lost"));
        let e = saver.finish().unwrap_err();
        assert!(e.reason.contains("No space left"), "{e}");
        assert!(written.lock().unwrap().is_empty());
    }
}
