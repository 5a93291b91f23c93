//! The server's routes, all under the join code: the page, joining, what phones see,
//! and a note or a dot. Anything else, a wrong code, or a request after sharing
//! stopped gets a bare 404. Each connection is served by hyper with a timer, so a
//! client slow to send its headers is dropped; each request has a deadline, each body
//! a size limit, and the connections a cap.

use super::limits::{Limit, NOTES_PER_MINUTE};
use super::{Incoming, Shared, lock, random_text};
use crate::app::share::{Accepted, RoomAction};
use crate::domain::share::MAX_NOTE_CHARS;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Json, Path, Query, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// The participant's page: one file, no external requests.
const PAGE: &str = include_str!("../../assets/join.html");
/// A request's body: a note of 280 characters of 4-byte text, and room to spare.
pub const MAX_BODY: usize = 4096;
const HEADER_TIMEOUT: Duration = Duration::from_secs(5);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// How long the facilitator's app may take to take a note in.
const REPLY_TIMEOUT: Duration = Duration::from_secs(5);
/// A connection is closed after this long, however busy (phones reconnect).
const CONNECTION_LIFETIME: Duration = Duration::from_secs(120);
const MAX_CONNECTIONS: usize = 512;

/// Accepts connections until the runtime is shut down.
pub(super) async fn serve(listener: TcpListener, shared: Arc<Shared>) {
    let app = router(shared);
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            // Out of file descriptors, say: wait rather than spin.
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        // Over the cap the connection is closed at once.
        let Ok(permit) = slots.clone().try_acquire_owned() else {
            continue;
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
            let _ = tokio::time::timeout(CONNECTION_LIFETIME, conn).await;
            drop(permit);
        });
    }
}

fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/j/{code}", get(page).fallback(nothing))
        .route("/j/{code}/join", post(join).fallback(nothing))
        .route("/j/{code}/state", get(state).fallback(nothing))
        .route("/j/{code}/note", post(note).fallback(nothing))
        .route("/j/{code}/vote", post(vote).fallback(nothing))
        .fallback(nothing)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(middleware::from_fn(deadline))
        .with_state(shared)
}

async fn deadline(request: Request, next: Next) -> Response {
    tokio::time::timeout(REQUEST_TIMEOUT, next.run(request))
        .await
        .unwrap_or_else(|_| StatusCode::REQUEST_TIMEOUT.into_response())
}

/// A 404 that says nothing: not the session, not whether the code was close.
async fn nothing() -> Response {
    StatusCode::NOT_FOUND.into_response()
}

impl Shared {
    /// Whether a request may go on: sharing goes on and the code is right.
    fn admits(&self, code: &str) -> bool {
        let right = code.len() == self.code.len()
            && code
                .bytes()
                .zip(self.code.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0;
        right && !self.stopped.load(Ordering::SeqCst)
    }
}

fn error(status: StatusCode, message: &str) -> Response {
    (status, Json(serde_json::json!({ "error": message }))).into_response()
}

async fn page(State(shared): State<Arc<Shared>>, Path(code): Path<String>) -> Response {
    if !shared.admits(&code) {
        return nothing().await;
    }
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
            // Nothing from elsewhere: the page works on a Wi-Fi without internet.
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; \
                 connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'",
            ),
            // The address holds the code: it is not handed to other sites.
            (header::REFERRER_POLICY, "no-referrer"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        PAGE,
    )
        .into_response()
}

async fn join(State(shared): State<Arc<Shared>>, Path(code): Path<String>) -> Response {
    if !shared.admits(&code) {
        return nothing().await;
    }
    let (Ok(token), Ok(key)) = (random_text(24), random_text(8)) else {
        return error(StatusCode::SERVICE_UNAVAILABLE, "Try again.");
    };
    let key = format!("phone-{}", key.to_lowercase());
    let joined = {
        let mut people = lock(&shared.people);
        people
            .join(token.clone(), key, Instant::now())
            .map(|()| people.count())
    };
    match joined {
        Ok(count) => {
            (shared.send)(Incoming::People(count));
            Json(serde_json::json!({ "token": token })).into_response()
        }
        Err(Limit::Full) => error(
            StatusCode::SERVICE_UNAVAILABLE,
            "The room is full: no more phones can join.",
        ),
        Err(_) => too_fast(Limit::RoomTooFast),
    }
}

#[derive(Deserialize)]
struct Who {
    p: Option<String>,
}

/// What phones see, with the dots this one has left and how old the snapshot is.
async fn state(
    State(shared): State<Arc<Shared>>,
    Path(code): Path<String>,
    Query(who): Query<Who>,
) -> Response {
    if !shared.admits(&code) {
        return nothing().await;
    }
    let snapshot = shared.snapshot.borrow().clone();
    let key = who
        .p
        .and_then(|token| lock(&shared.people).key(&token).map(str::to_string));
    let left = match (&snapshot.view, key) {
        (Some(view), Some(key)) => view.dots_left(&key).to_string(),
        _ => "null".into(),
    };
    let body = format!(
        r#"{{"version":{},"age_ms":{},"left":{left},"joined":{},"view":{}}}"#,
        snapshot.version,
        snapshot.at.elapsed().as_millis(),
        left != "null",
        snapshot.json
    );
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

#[derive(Deserialize)]
struct NoteBody {
    p: String,
    pane: String,
    text: String,
    #[serde(default)]
    initials: String,
}

async fn note(
    State(shared): State<Arc<Shared>>,
    Path(code): Path<String>,
    Json(body): Json<NoteBody>,
) -> Response {
    if shared.admits(&code) && body.text.chars().count() > MAX_NOTE_CHARS {
        return error(
            StatusCode::PAYLOAD_TOO_LARGE,
            &format!("A note holds {MAX_NOTE_CHARS} characters at most."),
        );
    }
    let participant = match spend(&shared, &code, &body.p, false) {
        Ok(key) => key,
        Err(response) => return *response,
    };
    ask(&shared, |ticket| RoomAction::Note {
        ticket,
        participant,
        pane: body.pane,
        text: body.text,
        initials: body.initials,
    })
    .await
}

#[derive(Deserialize)]
struct VoteBody {
    p: String,
    note: u64,
}

async fn vote(
    State(shared): State<Arc<Shared>>,
    Path(code): Path<String>,
    Json(body): Json<VoteBody>,
) -> Response {
    let participant = match spend(&shared, &code, &body.p, true) {
        Ok(key) => key,
        Err(response) => return *response,
    };
    ask(&shared, |ticket| RoomAction::Vote {
        ticket,
        participant,
        note: body.note,
    })
    .await
}

/// Admits a note or a dot from the participant with `token`: the code is right and
/// they are within their limits. Returns their key, or the answer to send instead.
fn spend(shared: &Shared, code: &str, token: &str, vote: bool) -> Result<String, Box<Response>> {
    if !shared.admits(code) {
        return Err(Box::new(StatusCode::NOT_FOUND.into_response()));
    }
    lock(&shared.people)
        .spend(token, vote, Instant::now())
        .map_err(|limit| Box::new(too_fast(limit)))
}

fn too_fast(limit: Limit) -> Response {
    match limit {
        Limit::Unknown => error(StatusCode::FORBIDDEN, "Join again: reload the page."),
        Limit::TooFast => error(
            StatusCode::TOO_MANY_REQUESTS,
            &format!("Slow down: {NOTES_PER_MINUTE} notes a minute each."),
        ),
        Limit::RoomTooFast | Limit::Full => error(
            StatusCode::TOO_MANY_REQUESTS,
            "The room is sending a lot: try again in a moment.",
        ),
    }
}

/// Sends the action to the app and waits for its answer: the phone hears "done" only
/// once the change is in the session.
async fn ask(shared: &Shared, action: impl FnOnce(u64) -> RoomAction) -> Response {
    let ticket = shared.tickets.fetch_add(1, Ordering::Relaxed);
    let (tx, rx) = tokio::sync::oneshot::channel();
    lock(&shared.pending).insert(ticket, tx);
    (shared.send)(Incoming::Action(action(ticket)));
    match tokio::time::timeout(REPLY_TIMEOUT, rx).await {
        Ok(Ok(Ok(accepted))) => {
            let (status, done) = match accepted {
                Accepted::Note => (StatusCode::OK, "Your note is on the board.".to_string()),
                Accepted::Waiting => (
                    StatusCode::ACCEPTED,
                    "Sent: the facilitator will put it on the board.".to_string(),
                ),
                Accepted::Dot(left) => (StatusCode::OK, format!("Dot placed: {left} left.")),
            };
            let left = match accepted {
                Accepted::Dot(left) => Some(left),
                _ => None,
            };
            (
                status,
                Json(serde_json::json!({ "ok": done, "left": left })),
            )
                .into_response()
        }
        Ok(Ok(Err(refusal))) => error(StatusCode::CONFLICT, refusal.message()),
        _ => {
            lock(&shared.pending).remove(&ticket);
            error(
                StatusCode::SERVICE_UNAVAILABLE,
                "The facilitator's screen did not answer in time: it may still arrive, so look at the board before sending it again.",
            )
        }
    }
}
