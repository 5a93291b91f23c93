//! Sharing over real HTTP on 127.0.0.1: the server started as the app starts it, a
//! loop thread that does what the app's loop does (phones' actions into the update
//! function, the snapshot published, each phone answered, every change to the
//! autosaver), and phones played by an HTTP client. Every wait has a deadline.

mod common;

use convene::app::share::{Live, ShareAction};
use convene::app::{Action, App, Effect};
use convene::share::{Bind, Incoming, NOTES_PER_MINUTE, Server};
use convene::storage::autosave::Autosaver;
use serde_json::{Value, json};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::mpsc::{Sender, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

const DEADLINE: Duration = Duration::from_secs(10);

enum Msg {
    Phone(Incoming),
    /// Something the facilitator does.
    Do(Action),
    Quit,
}

/// The facilitator's side: the app and its server on a thread, saving to `path`.
struct Room {
    live: Live,
    addr: SocketAddr,
    tx: Sender<Msg>,
    thread: Option<JoinHandle<(App, Timings)>>,
    path: PathBuf,
    _dir: tempfile::TempDir,
}

/// The slowest frame drawn and the slowest facilitator's key handled, in the loop.
#[derive(Debug, Default, Clone, Copy)]
struct Timings {
    frame: Duration,
    key: Duration,
}

impl Room {
    /// The default workshop with two initiatives on its tasks board (step 3), shared.
    fn open() -> Room {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("session.json");
        let (mut app, _) = common::default_app("Shared", &["Permits", "Open data"]);
        app.path = path.clone();
        app.update(Action::GoToStep(2));
        app.update(Action::Share(ShareAction::Panel));
        app.take_effects();
        let (tx, rx) = channel::<Msg>();
        let (live_tx, live_rx) = channel();
        let phones = tx.clone();
        let saving = path.clone();
        let thread = std::thread::spawn(move || {
            let bind = Bind {
                ip: IpAddr::V4(Ipv4Addr::LOCALHOST),
                port: Some(0),
            };
            let mut server = Some(
                Server::start(Some(bind), move |i| {
                    let _ = phones.send(Msg::Phone(i));
                })
                .unwrap(),
            );
            let live = server.as_ref().unwrap().live.clone();
            app.shared(Ok(live.clone()));
            live_tx.send(live).unwrap();
            let mut saver = Autosaver::start(saving, Default::default(), |_| {});
            let mut timings = Timings::default();
            let mut terminal =
                ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 48)).unwrap();
            loop {
                let publish = |app: &App, server: &Option<Server>| {
                    if let (Some(s), Some(v)) = (server, app.phone_view()) {
                        s.publish(v);
                    }
                };
                publish(&app, &server);
                let Ok(msg) = rx.recv() else { break };
                match msg {
                    Msg::Phone(Incoming::Action(a)) => app.update(Action::Room(a)),
                    Msg::Phone(Incoming::People(n)) => app.set_people(n),
                    Msg::Do(action) => {
                        let t = Instant::now();
                        app.update(action);
                        timings.key = timings.key.max(t.elapsed());
                    }
                    Msg::Quit => break,
                }
                // Published before the phone hears back, as in the app's loop.
                publish(&app, &server);
                for effect in app.take_effects() {
                    match effect {
                        Effect::Reply { ticket, result } => {
                            if let Some(s) = &server {
                                s.reply(ticket, result);
                            }
                        }
                        Effect::StopSharing => drop(server.take()),
                        _ => {}
                    }
                }
                if let Some(session) = app.take_changed() {
                    saver.save(session);
                }
                let t = Instant::now();
                terminal.draw(|f| convene::ui::draw(f, &app)).unwrap();
                timings.frame = timings.frame.max(t.elapsed());
            }
            drop(server);
            saver.finish().unwrap();
            (app, timings)
        });
        let live = live_rx.recv_timeout(DEADLINE).expect("the server starts");
        let addr = live
            .url
            .trim_start_matches("http://")
            .split('/')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        Room {
            live,
            addr,
            tx,
            thread: Some(thread),
            path,
            _dir: dir,
        }
    }

    fn base(&self) -> String {
        self.live.url.clone()
    }

    fn act(&self, action: Action) {
        self.tx.send(Msg::Do(action)).unwrap();
    }

    /// Ends the app's loop; returns the app and the slowest frame and key.
    fn close(mut self) -> (App, Timings) {
        self.tx.send(Msg::Quit).unwrap();
        self.thread.take().unwrap().join().unwrap()
    }

    /// The session file, once `check` holds for it (or the deadline passes).
    fn saved_until(&self, check: impl Fn(&Value) -> bool) -> Value {
        let end = Instant::now() + DEADLINE;
        loop {
            let json = std::fs::read_to_string(&self.path)
                .ok()
                .and_then(|t| serde_json::from_str::<Value>(&t).ok());
            match json {
                Some(v) if check(&v) => return v,
                _ if Instant::now() > end => panic!("the saved file never got there"),
                _ => std::thread::sleep(Duration::from_millis(20)),
            }
        }
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(DEADLINE))
        .build()
        .into()
}

/// A phone: its own client and token.
struct Phone {
    agent: ureq::Agent,
    base: String,
    token: String,
}

/// (status, body as JSON or null)
type Answer = (u16, Value);

fn answer(res: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Answer {
    let mut res = res.expect("an HTTP answer");
    let status = res.status().as_u16();
    let text = res.body_mut().read_to_string().unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

impl Phone {
    fn join(room: &Room) -> Phone {
        let agent = agent();
        let base = room.base();
        let (status, body) = answer(agent.post(format!("{base}/join")).send_empty());
        assert_eq!(status, 200, "{body}");
        Phone {
            agent,
            base,
            token: body["token"].as_str().unwrap().to_string(),
        }
    }

    fn state(&self) -> Value {
        let url = format!("{}/state?p={}", self.base, self.token);
        let (status, body) = answer(self.agent.get(url).call());
        assert_eq!(status, 200);
        body
    }

    /// Polls until what the phone sees passes `check`.
    fn sees(&self, check: impl Fn(&Value) -> bool) -> Value {
        let end = Instant::now() + DEADLINE;
        loop {
            let state = self.state();
            if check(&state) {
                return state;
            }
            assert!(Instant::now() < end, "the phone never saw it: {state}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn note(&self, pane: &str, text: &str) -> Answer {
        let body = json!({ "p": self.token, "pane": pane, "text": text, "initials": "AB" });
        answer(
            self.agent
                .post(format!("{}/note", self.base))
                .send_json(body),
        )
    }

    fn vote(&self, note: u64) -> Answer {
        let body = json!({ "p": self.token, "note": note });
        answer(
            self.agent
                .post(format!("{}/vote", self.base))
                .send_json(body),
        )
    }
}

fn panes(state: &Value) -> Vec<String> {
    state["view"]["board"]["panes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["key"].as_str().unwrap().to_string())
        .collect()
}

/// Every note text of the saved session's tasks board.
fn saved_notes(session: &Value) -> Vec<(String, bool)> {
    session["boards"]["tasks"]["panes"]
        .as_array()
        .map(|panes| {
            panes
                .iter()
                .flat_map(|p| p["notes"].as_array().cloned().unwrap_or_default())
                .map(|n| {
                    let text = n["text"].as_str().unwrap().to_string();
                    (text, n["from_room"] == json!(true))
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_code_is_needed_for_everything_and_a_wrong_one_says_nothing() {
    let room = Room::open();
    let a = agent();
    let root = format!("http://{}", room.addr);
    let (status, _) = answer(a.get(room.base()).call());
    assert_eq!(status, 200, "the page, with the code");
    let page = a
        .get(room.base())
        .call()
        .unwrap()
        .body_mut()
        .read_to_string()
        .unwrap();
    assert!(page.contains("Send to the board"));
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "nothing from elsewhere"
    );
    for path in [
        "/".to_string(),
        "/j/".into(),
        "/j/AAAAAA".into(),
        "/j/AAAAAA/state".into(),
        format!("/j/{}/../../etc/passwd", room.live.code),
        format!("/j/{}/assets/join.html", room.live.code),
        format!("/j/{}x", room.live.code),
    ] {
        let mut res = a.get(format!("{root}{path}")).call().unwrap();
        assert_eq!(res.status().as_u16(), 404, "{path}");
        assert_eq!(
            res.body_mut().read_to_string().unwrap(),
            "",
            "a bare 404 for {path}"
        );
    }
    let (status, _) = answer(a.post(format!("{root}/j/AAAAAA/join")).send_empty());
    assert_eq!(status, 404, "no joining without the code");
    let (status, _) = answer(a.delete(format!("{}/note", room.base())).call());
    assert_eq!(
        status, 404,
        "a wrong method on a real route says nothing either"
    );
    room.close();
}

#[test]
fn notes_to_each_pane_are_in_the_saved_session_marked_from_the_room() {
    let room = Room::open();
    let phone = Phone::join(&room);
    let state = phone.sees(|s| s["view"]["notes_open"] == json!(true));
    let keys = panes(&state);
    assert_eq!(keys.len(), 2);
    for (i, key) in keys.iter().enumerate() {
        let (status, body) = phone.note(key, &format!("Note {i} from a phone"));
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["ok"], "Your note is on the board.");
    }
    let saved = room.saved_until(|s| saved_notes(s).len() == 2);
    assert_eq!(
        saved_notes(&saved),
        [
            ("Note 0 from a phone".to_string(), true),
            ("Note 1 from a phone".to_string(), true)
        ]
    );
    let (app, _) = room.close();
    let board = &app.session.boards["tasks"];
    assert_eq!(board.panes[1].notes[0].author.as_deref(), Some("AB"));
}

#[test]
fn dots_stop_at_the_budget_and_two_phones_add_up_with_the_facilitator() {
    let room = Room::open();
    let (one, two) = (Phone::join(&room), Phone::join(&room));
    let keys = panes(&one.sees(|s| s["view"]["board"].is_object()));
    assert_eq!(one.note(&keys[0], "Vote for me").0, 200);
    room.act(Action::Share(ShareAction::ToggleVotes));
    let state = one.sees(|s| s["view"]["votes_open"] == json!(true));
    let id = state["view"]["board"]["panes"][0]["notes"][0]["id"]
        .as_u64()
        .unwrap();
    assert_eq!(state["left"], 3);
    for left in [2, 1, 0] {
        let (status, body) = one.vote(id);
        assert_eq!((status, body["left"].clone()), (200, json!(left)), "{body}");
    }
    let (status, body) = one.vote(id);
    assert_eq!(status, 409);
    assert_eq!(body["error"], "You have no dots left.");
    assert_eq!(two.vote(id).0, 200);
    assert_eq!(two.vote(999_999).0, 409, "no such note");
    // The facilitator's own dot, on the note the phone just made (the focus is on it).
    room.act(Action::Board(convene::app::board::BoardAction::Vote));
    let state = two.sees(|s| s["view"]["board"]["panes"][0]["notes"][0]["votes"] == json!(5));
    assert_eq!(state["left"], 2);
    let (app, _) = room.close();
    let note = app.session.boards["tasks"].note(id).unwrap();
    assert_eq!((note.votes, note.room_votes), (5, 4));
}

#[test]
fn oversized_malformed_and_strangers_get_a_clear_status() {
    let room = Room::open();
    let phone = Phone::join(&room);
    let keys = panes(&phone.sees(|s| s["view"]["board"].is_object()));
    let (status, body) = phone.note(&keys[0], &"x".repeat(281));
    assert_eq!(status, 413, "{body}");
    assert!(body["error"].as_str().unwrap().contains("280"));
    let huge = json!({ "p": phone.token, "pane": keys[0], "text": "y".repeat(5000) });
    let (status, _) = answer(
        phone
            .agent
            .post(format!("{}/note", room.base()))
            .send_json(huge),
    );
    assert_eq!(status, 413, "a body over the limit");
    let (status, _) = answer(
        phone
            .agent
            .post(format!("{}/note", room.base()))
            .header("content-type", "application/json")
            .send("{not json"),
    );
    assert_eq!(status, 400);
    let (status, _) = answer(
        phone
            .agent
            .post(format!("{}/note", room.base()))
            .send_json(json!({ "p": phone.token })),
    );
    assert_eq!(status, 422, "fields missing");
    let stranger = Phone {
        token: "not-a-participant".into(),
        ..Phone::join(&room)
    };
    assert_eq!(stranger.note(&keys[0], "hello").0, 403);
    assert_eq!(phone.note("no-such-pane", "hello").0, 409);
    let (status, body) = phone.note(&keys[0], "\u{1b}[31mred\u{1b}[0m <b>bold</b>\u{202e}");
    assert_eq!(status, 200, "{body}");
    let (app, _) = room.close();
    let texts: Vec<&str> = app.session.boards["tasks"].panes[0]
        .notes
        .iter()
        .map(|n| n.text.as_str())
        .collect();
    assert_eq!(
        texts,
        ["red <b>bold</b>"],
        "escapes cleaned; markup kept as text"
    );
}

#[test]
fn a_flood_from_one_phone_is_cut_at_its_limit_and_others_still_write() {
    let room = Room::open();
    let flood = Phone::join(&room);
    let keys = panes(&flood.sees(|s| s["view"]["board"].is_object()));
    let statuses: Vec<u16> = (0..NOTES_PER_MINUTE + 5)
        .map(|i| flood.note(&keys[0], &format!("flood {i}")).0)
        .collect();
    assert_eq!(statuses[..NOTES_PER_MINUTE], [200; NOTES_PER_MINUTE]);
    assert_eq!(statuses[NOTES_PER_MINUTE..], [429; 5]);
    let other = Phone::join(&room);
    assert_eq!(other.note(&keys[1], "still heard").0, 200);
    let saved = room.saved_until(|s| saved_notes(s).len() == NOTES_PER_MINUTE + 1);
    assert_eq!(
        saved_notes(&saved).len(),
        NOTES_PER_MINUTE + 1,
        "none refused is kept"
    );
    room.close();
}

#[test]
fn closed_submissions_are_refused_and_nothing_is_added() {
    let room = Room::open();
    let phone = Phone::join(&room);
    let keys = panes(&phone.sees(|s| s["view"]["board"].is_object()));
    room.act(Action::Share(ShareAction::ToggleNotes));
    phone.sees(|s| s["view"]["notes_open"] == json!(false));
    let (status, body) = phone.note(&keys[0], "too late");
    assert_eq!(status, 409);
    assert_eq!(body["error"], "The facilitator has closed notes for now.");
    let (app, _) = room.close();
    assert_eq!(app.session.boards["tasks"].note_count(), 0);
}

#[test]
fn stopping_sharing_closes_the_port() {
    let room = Room::open();
    let phone = Phone::join(&room);
    phone.sees(|s| s["view"].is_object());
    // Q hides the panel, Q again asks, y stops.
    room.act(Action::Share(ShareAction::Panel));
    room.act(Action::Share(ShareAction::Panel));
    room.act(Action::Share(ShareAction::ConfirmStop));
    let end = Instant::now() + DEADLINE;
    while TcpStream::connect_timeout(&room.addr, Duration::from_millis(200)).is_ok() {
        assert!(Instant::now() < end, "the port is still open");
        std::thread::sleep(Duration::from_millis(20));
    }
    let (app, _) = room.close();
    assert!(app.share.live.is_none());
}

/// `people` phones each send `notes` notes at once: every note arrives once, and the
/// facilitator's keys and frames stay fast meanwhile. Small here; the full size (100
/// phones, 10 notes) with `CONVENE_LOAD=100`, in a release build (see README).
#[test]
fn a_room_writing_at_once_loses_nothing_and_the_facilitator_keeps_control() {
    let people: usize = std::env::var("CONVENE_LOAD")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(12);
    let notes = 10;
    let room = Room::open();
    let keys = panes(&Phone::join(&room).sees(|s| s["view"]["board"].is_object()));
    let started = Instant::now();
    let phones: Vec<_> = (0..people)
        .map(|p| {
            let phone = Phone::join(&room);
            let keys = keys.clone();
            std::thread::spawn(move || {
                (0..notes)
                    .map(|n| phone.note(&keys[n % keys.len()], &format!("p{p} n{n}")).0)
                    .collect::<Vec<u16>>()
            })
        })
        .collect();
    // The facilitator keeps moving across the board meanwhile.
    for _ in 0..50 {
        room.act(Action::Board(convene::app::board::BoardAction::Focus(
            convene::app::board::Dir::Down,
        )));
        std::thread::sleep(Duration::from_millis(5));
    }
    for phone in phones {
        assert_eq!(phone.join().unwrap(), vec![200; notes]);
    }
    let took = started.elapsed();
    let saved = room.saved_until(|s| saved_notes(s).len() == people * notes);
    let mut texts: Vec<String> = saved_notes(&saved).into_iter().map(|n| n.0).collect();
    texts.sort();
    texts.dedup();
    assert_eq!(texts.len(), people * notes, "every note once");
    let (_, timings) = room.close();
    eprintln!(
        "{people} phones x {notes} notes in {took:?}; slowest frame {:?}, slowest key {:?}",
        timings.frame, timings.key
    );
    // 10 ms in a release build; a debug build on a busy machine gets more.
    let budget = if cfg!(debug_assertions) { 50 } else { 10 };
    assert!(timings.key < Duration::from_millis(budget), "{timings:?}");
}
