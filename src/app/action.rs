//! Everything the facilitator can do, independent of which key does it.

use crossterm::event::KeyEvent;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    // The clock and the agenda.
    ToggleClock,
    NextStep,
    PrevStep,
    GoToStep(usize),
    /// Asks for a step's number (steps past 9 have no key of their own).
    AskStep,
    AddMinute,
    RemoveMinute,
    Rebalance,
    // What is on screen.
    TogglePanel,
    /// The clock alone, as big as the screen allows.
    ToggleZoom,
    ToggleHelp,
    /// Scrolls the help overlay by this many lines.
    ScrollHelp(i16),
    ToggleTheme,
    ToggleBell,
    /// The console instead of the projector layout, while a mirror follows.
    ToggleConsole,
    /// The initiatives set-up screen.
    ToggleSetup,
    /// Opens the review meeting; in one, back to the workshop's agenda.
    ToggleReview,
    /// Type the next review's date.
    NextReview,
    /// The roster screen: who must be told.
    ToggleRoster,
    Roster(super::roster::RosterAction),
    /// Leaves an overlay or screen (help, set-up, detail views).
    Back,
    // Content.
    Undo,
    Redo,
    ExportAll,
    Setup(SetupAction),
    Board(super::board::BoardAction),
    Table(super::table::TableAction),
    Groups(super::groups::GroupsAction),
    /// Sharing with the room's phones: the panel, what phones may do, the inbox.
    Share(super::share::ShareAction),
    /// What a participant did on their phone.
    Room(super::share::RoomAction),
    /// Type the session's fields (on the set-up screen, or the step's own).
    EditFields,
    /// The plenary's previous / next groups, when they do not all fit.
    PlenaryPage {
        forward: bool,
    },
    /// A key for the open editor.
    EditKey(KeyEvent),
    Paste(String),
    /// A mouse click at a screen position.
    Click {
        column: u16,
        row: u16,
    },
    /// The terminal's size, at start and whenever it changes.
    Resize {
        width: u16,
        height: u16,
    },
    /// The session file changed outside convene: take the file's version (ours is
    /// kept in a copy beside it), or keep ours (theirs is kept the same way).
    ReloadTheirs,
    KeepOurs,
    // Leaving.
    Quit,
    ConfirmQuit,
    CancelQuit,
    /// Ctrl-C: save and leave at once.
    ForceQuit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupAction {
    Up,
    Down,
    Add,
    EditName,
    EditDescription,
    Delete,
    MoveUp,
    MoveDown,
    EditTitle,
}
