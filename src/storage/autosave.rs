//! Saving off the keystroke path: the app hands a copy of the session to a writer
//! thread, which serializes and writes only the newest copy it has. A write that fails
//! (a full disk, a folder gone read-only) is tried again with a growing pause until it
//! is written, so a change never waits for the next keystroke to reach the disk.

use super::watch::Fingerprints;
use super::{StorageError, keep_copy, read_regular, save, to_json};
use crate::domain::session::Session;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread::JoinHandle;
use std::time::Duration;

pub struct Autosaver {
    tx: Option<Sender<Job>>,
    handle: Option<JoinHandle<Ended>>,
}

/// What the writer thread is asked to do, in order.
#[derive(Debug)]
pub enum Job {
    /// Save this version of the session (only the newest one queued is written).
    Save(Box<Session>),
    /// Keep this text in a conflict copy beside the session.
    Keep(String),
}

/// What the writer thread reports back after each job.
#[derive(Debug)]
pub enum SaveReport {
    Saved(PathBuf),
    /// Not written (a full disk): it is tried again until it is.
    Failed(StorageError),
    /// The file on disk is a version this convene did not write or agree to: it was
    /// not overwritten, and ours went into this copy beside it instead.
    NotOverwritten(Result<PathBuf, StorageError>),
    /// The copy a [`Job::Keep`] asked for.
    Kept(Result<PathBuf, StorageError>),
}

/// How the writer ended: the last save's failure, or the copy ours went into
/// instead of the session file.
pub type Ended = Result<Option<PathBuf>, StorageError>;

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
    /// Saves to `path`, never over a version `ours` does not know (a change made
    /// outside convene), and adds each version it writes to `ours`. `report` is
    /// called on the writer thread after every job (to wake the app).
    pub fn start(
        path: PathBuf,
        ours: Fingerprints,
        report: impl Fn(SaveReport) + Send + 'static,
    ) -> Autosaver {
        let write = move |job: &Job| match job {
            Job::Save(session) => {
                let json = to_json(session);
                let theirs = read_regular(&path).is_ok_and(|text| !ours.knows(&text));
                if theirs {
                    return SaveReport::NotOverwritten(keep_copy(&path, &json));
                }
                // Known before the file changes, so the watcher never takes it for theirs.
                ours.add(&json);
                match save(&path, &json) {
                    Ok(()) => SaveReport::Saved(path.clone()),
                    Err(e) => SaveReport::Failed(e),
                }
            }
            Job::Keep(text) => SaveReport::Kept(keep_copy(&path, text)),
        };
        Autosaver::with_writer(write, Backoff::SAVES, report)
    }

    /// An autosaver that carries jobs out with `write`: the real one writes files;
    /// tests inject failures.
    pub fn with_writer(
        write: impl FnMut(&Job) -> SaveReport + Send + 'static,
        backoff: Backoff,
        report: impl Fn(SaveReport) + Send + 'static,
    ) -> Autosaver {
        let (tx, rx) = channel::<Job>();
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
        self.send(Job::Save(Box::new(session)));
    }

    /// Keeps `text` in a conflict copy beside the session, before any later save.
    pub fn keep(&self, text: String) {
        self.send(Job::Keep(text));
    }

    fn send(&self, job: Job) {
        if let Some(tx) = &self.tx {
            // The writer only stops when we drop the sender, so this cannot fail.
            let _ = tx.send(job);
        }
    }

    /// Carries out whatever is queued and waits for it: used when quitting. A write
    /// that still fails after a few more tries is given up, and its error returned.
    pub fn finish(&mut self) -> Ended {
        self.tx.take();
        match self.handle.take().map(JoinHandle::join) {
            Some(Ok(ended)) => ended,
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            None => Ok(None),
        }
    }
}

impl Drop for Autosaver {
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

fn writer(
    rx: Receiver<Job>,
    mut write: impl FnMut(&Job) -> SaveReport,
    backoff: Backoff,
    report: impl Fn(SaveReport),
) -> Ended {
    // A version not written yet, and how long to wait before trying it again.
    let mut unsaved: Option<Job> = None;
    let mut delay = backoff.first;
    let mut copied = None;
    loop {
        let retrying = unsaved.is_some();
        let next = match unsaved.take() {
            None => match rx.recv() {
                Ok(job) => job,
                Err(_) => return Ok(copied),
            },
            Some(failed) => match rx.recv_timeout(delay) {
                Ok(newer) => newer,
                Err(RecvTimeoutError::Timeout) => failed,
                Err(RecvTimeoutError::Disconnected) => {
                    return last_tries(&failed, &mut write, backoff.first).map(|()| None);
                }
            },
        };
        // Copies in the order asked; of the saves, only the newest: older ones are out
        // of date.
        let mut save = None;
        for job in std::iter::once(next).chain(rx.try_iter()) {
            match job {
                Job::Keep(_) => report(write(&job)),
                Job::Save(_) => save = Some(job),
            }
        }
        let Some(job) = save else { continue };
        copied = None;
        match write(&job) {
            SaveReport::Failed(mut e) => {
                delay = if retrying {
                    backoff.after(delay)
                } else {
                    backoff.first
                };
                e.reason.push_str("; trying again");
                report(SaveReport::Failed(e));
                unsaved = Some(job);
            }
            SaveReport::NotOverwritten(Ok(copy)) => {
                copied = Some(copy.clone());
                report(SaveReport::NotOverwritten(Ok(copy)));
            }
            other => report(other),
        }
    }
}

/// At quitting, a write that failed gets a few more tries, `pause` apart.
fn last_tries(
    job: &Job,
    write: &mut impl FnMut(&Job) -> SaveReport,
    pause: Duration,
) -> Result<(), StorageError> {
    let mut tries = 0;
    loop {
        match write(job) {
            SaveReport::Failed(e) if tries + 1 >= LAST_TRIES => return Err(e),
            SaveReport::Failed(_) => {
                tries += 1;
                std::thread::sleep(pause);
            }
            _ => return Ok(()),
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
    fn flaky(failures: usize) -> (impl FnMut(&Job) -> SaveReport, Arc<Mutex<Vec<String>>>) {
        let written = Arc::new(Mutex::new(Vec::new()));
        let log = written.clone();
        let mut calls = 0;
        let write = move |job: &Job| {
            let Job::Save(s) = job else {
                panic!("no copies here")
            };
            calls += 1;
            if calls <= failures {
                return SaveReport::Failed(StorageError {
                    path: "s.json".into(),
                    reason: "No space left on device (os error 28)".into(),
                });
            }
            log.lock().unwrap().push(s.title.clone());
            SaveReport::Saved(PathBuf::from("s.json"))
        };
        (write, written)
    }

    #[test]
    fn the_last_queued_copy_is_on_disk_after_finish() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let mut saver = Autosaver::start(path.clone(), Fingerprints::default(), |r| {
            assert!(matches!(r, SaveReport::Saved(_)), "{r:?}")
        });
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
            let SaveReport::Failed(e) = reports.recv_timeout(DEADLINE).unwrap() else {
                panic!("a failure")
            };
            assert!(
                e.reason.contains("No space left") && e.reason.contains("trying again"),
                "{e}"
            );
        }
        // No other edit and no quit: the retry alone writes it.
        assert!(
            matches!(
                reports.recv_timeout(DEADLINE).unwrap(),
                SaveReport::Saved(_)
            ),
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
        let report = reports.recv_timeout(DEADLINE).unwrap();
        assert!(matches!(report, SaveReport::Failed(_)), "{report:?}");
        saver.save(session("second"));
        let report = reports.recv_timeout(DEADLINE).unwrap();
        assert!(matches!(report, SaveReport::Saved(_)), "{report:?}");
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

    #[test]
    fn a_version_written_outside_is_never_overwritten_and_ours_is_kept_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let ours = Fingerprints::default();
        let (tx, reports) = mpsc::channel();
        let mut saver = Autosaver::start(path.clone(), ours.clone(), move |r| {
            let _ = tx.send(r);
        });
        saver.save(session("ours"));
        let report = reports.recv_timeout(DEADLINE).unwrap();
        assert!(matches!(report, SaveReport::Saved(_)), "{report:?}");
        let theirs = to_json(&session("theirs"));
        std::fs::write(&path, &theirs).unwrap();
        saver.save(session("ours, later"));
        let SaveReport::NotOverwritten(Ok(copy)) = reports.recv_timeout(DEADLINE).unwrap() else {
            panic!("not overwritten")
        };
        assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
        assert_eq!(copy, dir.path().join("s.conflict.json"));
        assert_eq!(crate::storage::load(&copy).unwrap().title, "ours, later");
        // Agreed to (the facilitator kept ours): theirs is copied first, then replaced.
        ours.add(&theirs);
        saver.keep(theirs.clone());
        saver.save(session("ours, kept"));
        let SaveReport::Kept(Ok(kept)) = reports.recv_timeout(DEADLINE).unwrap() else {
            panic!("kept")
        };
        assert_eq!(
            kept,
            dir.path().join("s.conflict-2.json"),
            "never over a copy"
        );
        assert_eq!(std::fs::read_to_string(&kept).unwrap(), theirs);
        let report = reports.recv_timeout(DEADLINE).unwrap();
        assert!(matches!(report, SaveReport::Saved(_)), "{report:?}");
        assert_eq!(saver.finish().unwrap(), None);
        assert_eq!(crate::storage::load(&path).unwrap().title, "ours, kept");
    }
}
