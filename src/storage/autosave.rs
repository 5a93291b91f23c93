//! Saving off the keystroke path: the app hands a copy of the session to a writer
//! thread, which serializes and writes only the newest copy it has.

use super::{StorageError, save, to_json};
use crate::domain::session::Session;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

pub struct Autosaver {
    tx: Option<Sender<Session>>,
    handle: Option<JoinHandle<()>>,
}

/// What the writer thread reports back after each write.
pub type SaveReport = Result<PathBuf, StorageError>;

impl Autosaver {
    /// `report` is called on the writer thread after every write (to wake the app).
    pub fn start(path: PathBuf, report: impl Fn(SaveReport) + Send + 'static) -> Autosaver {
        let (tx, rx) = channel::<Session>();
        let handle = std::thread::Builder::new()
            .name("autosave".into())
            .spawn(move || writer(path, rx, report))
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

    /// Writes whatever is queued and waits for it: used when quitting.
    pub fn finish(&mut self) {
        self.tx.take();
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
    }
}

impl Drop for Autosaver {
    fn drop(&mut self) {
        self.finish();
    }
}

fn writer(path: PathBuf, rx: Receiver<Session>, report: impl Fn(SaveReport)) {
    while let Ok(mut session) = rx.recv() {
        // Skip to the newest copy: older ones are already out of date.
        while let Ok(newer) = rx.try_recv() {
            session = newer;
        }
        let result = save(&path, &to_json(&session)).map(|()| path.clone());
        report(result);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::template::Template;
    use chrono::Utc;

    #[test]
    fn the_last_queued_copy_is_on_disk_after_finish() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let mut saver = Autosaver::start(path.clone(), |r| assert!(r.is_ok()));
        let mut s = Session::new(Template::default_template(), "T", Utc::now());
        for i in 0..50 {
            s.title = format!("title {i}");
            saver.save(s.clone());
        }
        saver.finish();
        assert_eq!(crate::storage::load(&path).unwrap().title, "title 49");
    }
}
