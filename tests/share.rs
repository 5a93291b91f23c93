//! Sharing over real HTTP on 127.0.0.1: the server started as the app starts it, a
//! loop thread that does what the app's loop does, and phones played by an HTTP
//! client (the harness in common/share.rs, shared with the load bench). Every wait
//! has a deadline.

#[path = "common/share.rs"]
mod harness;
#[allow(dead_code)]
#[path = "common/pty.rs"]
mod pty;

use convene::app::Action;
use convene::app::share::ShareAction;
use convene::share::{MAX_PEOPLE, NOTES_PER_MINUTE};
use harness::{Phone, Room, agent, answer, load, panes, saved_notes};
use serde_json::json;
use std::net::TcpStream;
use std::time::{Duration, Instant};

const DEADLINE: Duration = harness::DEADLINE;

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

#[test]
fn a_full_room_turns_the_next_phone_away() {
    let room = Room::open();
    let a = agent();
    for _ in 0..MAX_PEOPLE {
        assert_eq!(
            answer(a.post(format!("{}/join", room.base())).send_empty()).0,
            200
        );
    }
    let (status, body) = answer(a.post(format!("{}/join", room.base())).send_empty());
    assert_eq!(status, 503);
    assert_eq!(body["error"], "The room is full: no more phones can join.");
    let (app, _) = room.close();
    assert_eq!(app.share.people, MAX_PEOPLE);
}

/// A client that starts a request and never finishes its headers is dropped.
#[test]
fn a_client_too_slow_to_send_its_headers_is_dropped() {
    use std::io::{Read, Write};
    let room = Room::open();
    let mut slow = TcpStream::connect(room.addr).unwrap();
    slow.set_read_timeout(Some(DEADLINE)).unwrap();
    let started = Instant::now();
    write!(slow, "GET /j/{} HTTP/1.1\r\nHost: x\r\n", room.live.code).unwrap();
    let mut buf = [0u8; 64];
    // Closed (0 bytes, or a reset) well before the deadline, with nothing served.
    let read = slow.read(&mut buf).unwrap_or(0);
    assert!(read == 0 || String::from_utf8_lossy(&buf[..read]).contains("408"));
    let took = started.elapsed();
    assert!(took < DEADLINE, "dropped after {took:?}");
    room.close();
}

/// Twelve phones sending ten notes each at once while the facilitator moves across
/// the board: every note arrives once, and every key is handled meanwhile. How fast is
/// for the benchmark (`cargo bench --bench share`, full size): a wall-clock limit here
/// would fail whenever a busy machine preempts the test.
#[test]
fn a_room_writing_at_once_loses_nothing_and_the_facilitator_keeps_control() {
    let (took, timings) = load(12, 10);
    let (_, key) = harness::Timings::median_max(&timings.keys);
    eprintln!("12 phones x 10 notes in {took:?}; slowest key {key:?}");
    assert_eq!(
        timings.keys.len(),
        50,
        "every key the facilitator pressed was handled"
    );
}

/// The real binary in a terminal: `demo --share` shows the join panel (on a mirror
/// too), a note sent over HTTP shows on the board marked from the room and is in the
/// session file, and stopping sharing (Q, Q, y) closes the port and takes the code off
/// the mirror.
#[test]
fn the_app_shares_from_the_command_line_and_stops_closing_the_port() {
    let dir = tempfile::tempdir().unwrap();
    let mut run = pty::Run::start(dir.path(), &["demo", "--share", "--bind", "127.0.0.1:0"]);
    run.wait_for("Join from your phone");
    let screen = run.screen();
    let url = screen
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .expect("the join address on the panel")
        .to_string();
    let addr: std::net::SocketAddr = url[7..].split('/').next().unwrap().parse().unwrap();
    let file = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();
    let mut mirror = pty::Run::start(dir.path(), &["mirror", file.to_str().unwrap()]);
    mirror.wait_for("Join from your phone");
    mirror.wait_for(&url);
    run.keys(b"Q3");
    mirror.wait_for("sharing · 0 people");
    run.wait_for("STEP 3 OF 6");
    let phone = Phone {
        agent: agent(),
        base: url.clone(),
        token: String::new(),
    };
    let (status, body) = answer(phone.agent.post(format!("{url}/join")).send_empty());
    assert_eq!(status, 200);
    let phone = Phone {
        token: body["token"].as_str().unwrap().to_string(),
        ..phone
    };
    let keys = panes(&phone.sees(|s| s["view"]["board"].is_object()));
    let (status, body) = phone.note(&keys[1], "Typed on a phone");
    assert_eq!(status, 200, "{body}");
    run.wait_for("Typed on a phone");
    // A card says "room AB"; a compact line, as here at 80x24, "room".
    run.wait_for("Typed on a phone   room");
    run.keys(b"Q");
    run.wait_for("Stop sharing?");
    run.keys(b"y");
    mirror.wait_without("sharing ·");
    let end = Instant::now() + DEADLINE;
    while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
        assert!(Instant::now() < end, "the port is still open");
        std::thread::sleep(Duration::from_millis(20));
    }
    run.keys(b"qy");
    assert!(run.wait_exit().success());
    mirror.keys(b"q");
    assert!(mirror.wait_exit().success());
    let session: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    assert!(
        saved_notes(&session).contains(&("Typed on a phone".to_string(), true)),
        "in the saved session, from the room"
    );
}
