//! Sharing the session with the room's phones, as the app sees it: the panel with the
//! join address, whether phones may send notes and dots, the inbox, and the
//! participants' own actions. The server lives in `crate::share`; it only sends these
//! actions in and reads the `PhoneView` the loop publishes, so everything a phone does
//! is an ordinary change here: undone with `u`, saved by the autosaver.

use super::editor::{EditTarget, Editor};
use super::{Action, App, Effect, Overlay};
use crate::domain::board::Note;
use crate::domain::phone::{Openness, PhoneView};
use crate::domain::share::{Joining, Refusal, clean_initials, clean_note};
use crate::domain::text::shorten;

/// The most dots a participant may be given.
const MAX_DOTS: u32 = 20;

/// The server's address and join code, once it listens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Live {
    /// The join address, code included: what the QR code holds.
    pub url: String,
    pub code: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShareUi {
    pub live: Option<Live>,
    /// Asked to start; the loop answers with `App::shared`.
    pub starting: bool,
    /// The projector shows the join panel.
    pub panel: bool,
    pub open: Openness,
    /// Phones that joined.
    pub people: usize,
}

impl ShareUi {
    pub fn on(&self) -> bool {
        self.live.is_some() || self.starting
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareAction {
    /// Starts sharing and shows the panel; hides it; from hidden, asks to stop.
    Panel,
    ConfirmStop,
    /// Leaves the question: sharing goes on, the panel hidden.
    CancelStop,
    ToggleNotes,
    ToggleVotes,
    ToggleInbox,
    /// Asks for the number of dots each participant has.
    AskDots,
    AcceptOne,
    AcceptAll,
    DropOne,
}

/// What a participant did on their phone. `ticket` names the request waiting for the
/// answer; `participant` is the key the server gave that phone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoomAction {
    Note {
        ticket: u64,
        participant: String,
        pane: String,
        text: String,
        initials: String,
    },
    Vote {
        ticket: u64,
        participant: String,
        note: u64,
    },
}

/// The answer a phone gets once its action is in the session (or why it is not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accepted {
    /// On the board.
    Note,
    /// In the facilitator's inbox.
    Waiting,
    /// A dot placed; this many left.
    Dot(u32),
}

impl App {
    pub(super) fn share_action(&mut self, action: ShareAction) {
        match action {
            ShareAction::Panel => self.share_panel(),
            ShareAction::ConfirmStop => {
                self.overlay = None;
                self.share = ShareUi::default();
                self.effects.push(Effect::StopSharing);
                let waiting = self.waiting();
                self.say(match waiting {
                    0 => "Sharing stopped: the join address no longer answers".to_string(),
                    n => format!(
                        "Sharing stopped; notes from phones still waiting: {n} ({} accepts, {} drops)",
                        self.keymap
                            .first_keys(super::keys::Context::Workshop, &["accept"]),
                        self.keymap
                            .first_keys(super::keys::Context::Workshop, &["drop"]),
                    ),
                });
            }
            ShareAction::CancelStop => self.overlay = None,
            ShareAction::ToggleNotes | ShareAction::ToggleVotes if !self.share.on() => {
                let key = self
                    .keymap
                    .first_keys(super::keys::Context::Workshop, &["share"]);
                self.say(format!("Not sharing with phones: {key} starts"));
            }
            ShareAction::ToggleNotes => {
                self.share.open.notes = !self.share.open.notes;
                self.say(if self.share.open.notes {
                    "Phones may send notes"
                } else {
                    "Notes from phones closed"
                });
            }
            ShareAction::ToggleVotes => {
                self.share.open.votes = !self.share.open.votes;
                let dots = self.session.phone_dots();
                self.say(if self.share.open.votes {
                    format!("Voting open on phones: {dots} dots each")
                } else {
                    "Voting on phones closed".to_string()
                });
            }
            ShareAction::ToggleInbox => {
                let inbox = !self.session.settings.share.inbox;
                self.session.settings.share.inbox = inbox;
                self.touch();
                self.say(if inbox {
                    "Notes from phones wait in the inbox for you to accept"
                } else {
                    "Notes from phones go straight onto the board"
                });
            }
            ShareAction::AskDots => {
                let dots = self.session.phone_dots();
                self.editor = Some(Editor::new(
                    EditTarget::Dots,
                    format!("Dots each participant spends from a phone (now {dots}), Enter"),
                    "",
                    false,
                ));
            }
            ShareAction::AcceptOne | ShareAction::AcceptAll | ShareAction::DropOne => {
                self.inbox_action(action)
            }
        }
    }

    fn share_panel(&mut self) {
        if !self.share.on() {
            self.share = ShareUi {
                starting: true,
                panel: true,
                open: Openness {
                    notes: true,
                    votes: false,
                },
                ..ShareUi::default()
            };
            self.effects.push(Effect::StartSharing);
            self.say("Starting to share…");
        } else if self.overlay == Some(Overlay::ConfirmStopSharing) {
            self.overlay = None;
            self.share.panel = true;
        } else if self.share.panel {
            self.share.panel = false;
        } else {
            self.overlay = Some(Overlay::ConfirmStopSharing);
        }
    }

    /// The board whose inbox `E`, `A` and `X` work on: the step's, else the first that
    /// still holds notes, so none is stranded once the room has moved on.
    fn inbox_board(&self) -> Option<String> {
        let holds = |id: &String| {
            self.session
                .boards
                .get(id)
                .is_some_and(|b| !b.inbox.is_empty())
        };
        self.board_id()
            .filter(holds)
            .or_else(|| self.session.boards.keys().find(|id| holds(id)).cloned())
    }

    /// An inbox (the step's board's first): accept the oldest note, all of them, or
    /// drop one.
    fn inbox_action(&mut self, action: ShareAction) {
        let Some(id) = self.inbox_board() else {
            self.say("The inbox is empty");
            return;
        };
        let waiting = self.session.boards[&id].inbox.len();
        let first = self.session.boards[&id]
            .inbox
            .first()
            .map(|w| shorten(&w.note.text, 40))
            .unwrap_or_default();
        self.record(match action {
            ShareAction::AcceptAll => format!("accept {waiting} notes from the room"),
            ShareAction::AcceptOne => format!("accept \"{first}\""),
            _ => format!("drop \"{first}\""),
        });
        let Some(board) = self.session.boards.get_mut(&id) else {
            return;
        };
        match action {
            ShareAction::AcceptAll => while board.accept_waiting() {},
            ShareAction::AcceptOne => {
                board.accept_waiting();
            }
            _ => {
                board.drop_waiting();
            }
        }
        self.after_content_change();
    }

    /// A participant's note or dot, answered through an effect to the phone waiting.
    pub(super) fn room_action(&mut self, action: RoomAction) {
        let (ticket, result) = match action {
            RoomAction::Note {
                ticket,
                participant: _,
                pane,
                text,
                initials,
            } => (ticket, self.room_note(&pane, &text, &initials)),
            RoomAction::Vote {
                ticket,
                participant,
                note,
            } => (ticket, self.room_vote(&participant, note)),
        };
        self.effects.push(Effect::Reply { ticket, result });
    }

    fn room_note(&mut self, pane: &str, text: &str, initials: &str) -> Result<Accepted, Refusal> {
        if self.board_id().is_none() || self.current_board().is_none() {
            return Err(Refusal::NoBoard);
        }
        if !self.share.open.notes {
            return Err(Refusal::NotesClosed);
        }
        let text = clean_note(text)?;
        let board = self.current_board().ok_or(Refusal::NoBoard)?;
        if board.pane_index(pane).is_none() {
            return Err(Refusal::NoSuchPane);
        }
        let inbox = self.session.settings.share.inbox;
        self.record(format!("note from the room \"{}\"", shorten(&text, 40)));
        let id = self.session.new_id();
        let note = Note {
            author: clean_initials(initials),
            ..Note::new(id, text)
        };
        let board = self.current_board_mut().ok_or(Refusal::NoBoard)?;
        board.add_from_room(pane, note, inbox)?;
        self.board.arrived_from_room(id);
        self.after_content_change();
        Ok(if inbox {
            Accepted::Waiting
        } else {
            Accepted::Note
        })
    }

    fn room_vote(&mut self, participant: &str, note: u64) -> Result<Accepted, Refusal> {
        if !self.share.open.votes {
            return Err(Refusal::VotesClosed);
        }
        let dots = self.session.phone_dots();
        let board = self.current_board().ok_or(Refusal::NoBoard)?;
        if board.note(note).is_none() {
            return Err(Refusal::NoSuchNote);
        }
        if board.dots_left(participant, dots) == 0 {
            return Err(Refusal::NoDotsLeft);
        }
        self.record("a dot from the room");
        let board = self.current_board_mut().ok_or(Refusal::NoBoard)?;
        let left = board.room_vote(participant, note, dots)?;
        self.after_content_change();
        Ok(Accepted::Dot(left))
    }

    /// Sets the dots each participant has (0 to 20); the dots already spent stay spent.
    pub(in crate::app) fn commit_dots(&mut self, text: &str) -> Option<Editor> {
        match text.trim().parse::<u32>() {
            Ok(dots) if dots <= MAX_DOTS => {
                self.session.settings.share.dots = Some(dots);
                self.touch();
                self.say(format!("Each participant has {dots} dots on phones"));
            }
            _ if text.trim().is_empty() => {}
            _ => self.warn(format!(
                "Not a number of dots: {:?} (0 to {MAX_DOTS})",
                text.trim()
            )),
        }
        None
    }

    /// The loop started the server (or could not: no network, no port).
    pub fn shared(&mut self, result: Result<Live, String>) {
        self.share.starting = false;
        match result {
            Ok(live) => {
                self.say(format!("Sharing on {}", live.url));
                self.share.live = Some(live);
            }
            Err(e) => {
                self.share = ShareUi::default();
                self.warn(format!("Not sharing: {e}"));
            }
        }
    }

    /// The server counted the phones that joined.
    pub fn set_people(&mut self, people: usize) {
        self.share.people = people;
    }

    /// What phones see now, while sharing.
    pub fn phone_view(&self) -> Option<PhoneView> {
        self.share
            .live
            .as_ref()
            .map(|_| PhoneView::of(&self.session, self.now(), self.share.open))
    }

    /// What the room's screen shows of sharing, while sharing.
    pub fn joining(&self) -> Option<Joining> {
        let live = self.share.live.as_ref()?;
        Some(Joining {
            url: live.url.clone(),
            code: live.code.clone(),
            people: self.share.people,
            panel: self.share.panel,
            notes_open: self.share.open.notes,
            votes_open: self.share.open.votes,
        })
    }

    /// Notes from phones waiting in every board's inbox.
    pub fn waiting(&self) -> usize {
        self.session.boards.values().map(|b| b.inbox.len()).sum()
    }

    /// The oldest note waiting where `E` accepts and `X` drops.
    pub fn next_waiting(&self) -> Option<&str> {
        let board = self.session.boards.get(&self.inbox_board()?)?;
        board.inbox.first().map(|w| w.note.text.as_str())
    }
}

/// A room action, for tests and the server: the update function takes it as any other.
impl From<RoomAction> for Action {
    fn from(action: RoomAction) -> Action {
        Action::Room(action)
    }
}

#[cfg(test)]
mod tests;
