//! The sharing harness for tests/share.rs and benches/share.rs: the app and its
//! server on a loop thread that does what the app's loop does (phones' actions into
//! the update function, the snapshot published before each phone hears back, every
//! change to the autosaver, a frame drawn), and phones played by an HTTP client.
#![allow(dead_code)]

use chrono::{TimeZone, Utc};
use convene::app::share::{Live, ShareAction};
use convene::app::{Action, App, Effect};
use convene::domain::session::Session;
use convene::domain::template::Template;
use convene::domain::timer::FakeClock;
use convene::share::{Bind, Incoming, Server};
use convene::storage::autosave::Autosaver;
use serde_json::{Value, json};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Sender, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub const DEADLINE: Duration = Duration::from_secs(10);

pub enum Msg {
    Phone(Incoming),
    /// Something the facilitator does.
    Do(Action),
    Quit,
}

/// The facilitator's side: the app and its server on a thread, saving to `path`.
pub struct Room {
    pub live: Live,
    pub addr: SocketAddr,
    tx: Sender<Msg>,
    thread: Option<JoinHandle<(App, Timings)>>,
    path: PathBuf,
    _dir: tempfile::TempDir,
}

/// Every frame drawn and every facilitator's key handled in the loop, in order.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    pub frames: Vec<Duration>,
    pub keys: Vec<Duration>,
}

impl Timings {
    /// The median and the slowest of `times`.
    pub fn median_max(times: &[Duration]) -> (Duration, Duration) {
        let mut sorted = times.to_vec();
        sorted.sort();
        let median = sorted.get(sorted.len() / 2).copied().unwrap_or_default();
        (median, sorted.last().copied().unwrap_or_default())
    }
}

impl Room {
    /// The default workshop with two initiatives on its tasks board (step 3), shared.
    pub fn open() -> Room {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("session.json");
        let start = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
        let mut session = Session::new(Template::default_template(), "Shared", start);
        session.add_initiative("Permits", "");
        session.add_initiative("Open data", "");
        let mut app = App::new(session, path.clone(), Arc::new(FakeClock::new(start)));
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
                        timings.keys.push(t.elapsed());
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
                timings.frames.push(t.elapsed());
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

    pub fn base(&self) -> String {
        self.live.url.clone()
    }

    pub fn act(&self, action: Action) {
        self.tx.send(Msg::Do(action)).unwrap();
    }

    /// Ends the app's loop; returns the app and the slowest frame and key.
    pub fn close(mut self) -> (App, Timings) {
        self.tx.send(Msg::Quit).unwrap();
        self.thread.take().unwrap().join().unwrap()
    }

    /// The session file, once `check` holds for it (or the deadline passes).
    pub fn saved_until(&self, check: impl Fn(&Value) -> bool) -> Value {
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

pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(DEADLINE))
        .build()
        .into()
}

/// A phone: its own client and token.
pub struct Phone {
    pub agent: ureq::Agent,
    pub base: String,
    pub token: String,
}

/// (status, body as JSON or null)
pub type Answer = (u16, Value);

pub fn answer(res: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Answer {
    let mut res = res.expect("an HTTP answer");
    let status = res.status().as_u16();
    let text = res.body_mut().read_to_string().unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

impl Phone {
    pub fn join(room: &Room) -> Phone {
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

    pub fn state(&self) -> Value {
        let url = format!("{}/state?p={}", self.base, self.token);
        let (status, body) = answer(self.agent.get(url).call());
        assert_eq!(status, 200);
        body
    }

    /// Polls until what the phone sees passes `check`.
    pub fn sees(&self, check: impl Fn(&Value) -> bool) -> Value {
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

    pub fn note(&self, pane: &str, text: &str) -> Answer {
        let body = json!({ "p": self.token, "pane": pane, "text": text, "initials": "AB" });
        answer(
            self.agent
                .post(format!("{}/note", self.base))
                .send_json(body),
        )
    }

    pub fn vote(&self, note: u64) -> Answer {
        let body = json!({ "p": self.token, "note": note });
        answer(
            self.agent
                .post(format!("{}/vote", self.base))
                .send_json(body),
        )
    }
}

pub fn panes(state: &Value) -> Vec<String> {
    state["view"]["board"]["panes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["key"].as_str().unwrap().to_string())
        .collect()
}

/// Every note text of the saved session's tasks board.
pub fn saved_notes(session: &Value) -> Vec<(String, bool)> {
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

/// `people` phones each send `notes` notes at once while the facilitator moves
/// across the board: checks every note arrives once; returns how long it took and the
/// frames and keys timed meanwhile.
pub fn load(people: usize, notes: usize) -> (Duration, Timings) {
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
    for _ in 0..50 {
        room.act(Action::Board(convene::app::board::BoardAction::Focus(
            convene::app::board::Dir::Down,
        )));
        std::thread::sleep(Duration::from_millis(5));
    }
    for phone in phones {
        assert_eq!(
            phone.join().unwrap(),
            vec![200; notes],
            "every note accepted"
        );
    }
    let took = started.elapsed();
    let saved = room.saved_until(|s| saved_notes(s).len() == people * notes);
    let mut texts: Vec<String> = saved_notes(&saved).into_iter().map(|n| n.0).collect();
    texts.sort();
    texts.dedup();
    assert_eq!(texts.len(), people * notes, "every note once");
    let (_, timings) = room.close();
    (took, timings)
}
