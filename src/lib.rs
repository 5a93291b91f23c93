//! convene: run a live workshop from the terminal.
//!
//! `domain` is pure (no terminal, no disk), `storage` reads and writes session files,
//! `export` turns a session into documents, `app` turns keys into actions and actions
//! into state, and `ui` renders that state.

pub mod domain;
pub mod export;
pub mod storage;
