//! The room's phones: a small web server on the local network, started only when the
//! facilitator shares (its own tokio runtime and threads; nothing exists before).
//! It talks to the app two ways only: participants' actions go in through the loop's
//! channel (`send`), and the app publishes what phones may see as an immutable
//! snapshot (`publish`), read by every request without waiting on the app.

pub mod address;
mod limits;
mod routes;

pub use address::Bind;
pub use limits::{MAX_PEOPLE, NOTES_PER_MINUTE};

use crate::app::share::{Accepted, Live, RoomAction};
use crate::domain::phone::PhoneView;
use crate::domain::share::Refusal;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{oneshot, watch};

/// What the server tells the app, through the loop's channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Incoming {
    Action(RoomAction),
    /// How many phones joined.
    People(usize),
}

/// What phones may see, as the app last published it.
#[derive(Debug)]
pub struct Snapshot {
    pub version: u64,
    pub view: Option<PhoneView>,
    /// `view` as JSON, made once per version.
    pub json: String,
    /// When it was published: the page counts the countdown on from there.
    pub at: Instant,
}

type Reply = Result<Accepted, Refusal>;

/// What every request reads.
pub(crate) struct Shared {
    code: String,
    send: Box<dyn Fn(Incoming) + Send + Sync>,
    snapshot: watch::Receiver<Arc<Snapshot>>,
    pending: Mutex<HashMap<u64, oneshot::Sender<Reply>>>,
    tickets: AtomicU64,
    people: Mutex<limits::People>,
    /// Set first when sharing stops: whatever is still in flight gets a 404.
    stopped: AtomicBool,
}

/// A running server. Dropping it (or `stop`) closes the port.
pub struct Server {
    pub live: Live,
    shared: Arc<Shared>,
    publisher: watch::Sender<Arc<Snapshot>>,
    runtime: Option<tokio::runtime::Runtime>,
}

impl Server {
    /// Binds the address, makes a join code and starts serving. `send` carries what
    /// phones do to the app's loop.
    pub fn start(
        bind: Option<Bind>,
        send: impl Fn(Incoming) + Send + Sync + 'static,
    ) -> Result<Server, String> {
        let (listener, addr) = address::listen(bind)?;
        let code = join_code()?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("convene-share")
            .enable_io()
            .enable_time()
            .build()
            .map_err(|e| format!("cannot start the server: {e}"))?;
        let empty = Arc::new(Snapshot {
            version: 0,
            view: None,
            json: "null".into(),
            at: Instant::now(),
        });
        let (publisher, snapshot) = watch::channel(empty);
        let shared = Arc::new(Shared {
            code: code.clone(),
            send: Box::new(send),
            snapshot,
            pending: Mutex::new(HashMap::new()),
            tickets: AtomicU64::new(1),
            people: Mutex::new(limits::People::default()),
            stopped: AtomicBool::new(false),
        });
        listener
            .set_nonblocking(true)
            .map_err(|e| format!("cannot listen: {e}"))?;
        let listener = {
            let _guard = runtime.enter();
            tokio::net::TcpListener::from_std(listener)
                .map_err(|e| format!("cannot listen: {e}"))?
        };
        runtime.spawn(routes::serve(listener, shared.clone()));
        Ok(Server {
            live: Live {
                url: format!("http://{addr}/j/{code}"),
                code,
            },
            shared,
            publisher,
            runtime: Some(runtime),
        })
    }

    /// What phones see from now on; nothing changes for them when it is the same.
    pub fn publish(&self, view: PhoneView) {
        let last = self.publisher.borrow().clone();
        let age = last.at.elapsed().as_millis() as i64;
        if last
            .view
            .as_ref()
            .is_some_and(|old| old.still_shows(&view, age))
        {
            return;
        }
        let json = serde_json::to_string(&view).unwrap_or_else(|_| "null".into());
        self.publisher.send_replace(Arc::new(Snapshot {
            version: last.version + 1,
            view: Some(view),
            json,
            at: Instant::now(),
        }));
    }

    /// The app's answer for the phone waiting on `ticket`.
    pub fn reply(&self, ticket: u64, result: Reply) {
        let waiting = lock(&self.shared.pending).remove(&ticket);
        if let Some(tx) = waiting {
            let _ = tx.send(result);
        }
    }

    /// Stops answering at once and closes the port before returning.
    pub fn stop(mut self) {
        self.shut();
    }

    fn shut(&mut self) {
        self.shared.stopped.store(true, Ordering::SeqCst);
        if let Some(runtime) = self.runtime.take() {
            // The tasks are dropped at their next await: the listener with them.
            runtime.shutdown_timeout(Duration::from_millis(500));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shut();
    }
}

/// A poisoned lock only means a request panicked: the data is still good to use.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Letters and digits that cannot be mistaken for one another when read off a wall.
const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// Six characters from the operating system's randomness: 2^30 codes.
fn join_code() -> Result<String, String> {
    random_text(6)
}

/// `n` characters of `ALPHABET` (32 letters: 5 random bits each).
pub(crate) fn random_text(n: usize) -> Result<String, String> {
    let mut bytes = vec![0u8; n];
    getrandom::fill(&mut bytes).map_err(|e| format!("no randomness for a join code: {e}"))?;
    Ok(bytes
        .iter()
        .map(|b| ALPHABET[usize::from(b % 32)] as char)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_codes_are_random_and_readable() {
        let a = join_code().unwrap();
        let b = join_code().unwrap();
        assert_eq!(a.len(), 6);
        assert_ne!(a, b);
        assert!(a.bytes().all(|c| ALPHABET.contains(&c)));
        assert!(!a.contains('O') && !a.contains('0') && !a.contains('I'));
    }
}
