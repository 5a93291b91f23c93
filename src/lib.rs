//! convene: run a live workshop from the terminal.
//!
//! `domain` is pure (no terminal, no disk), `config` reads settings from text,
//! `storage` reads and writes session, template and config files,
//! `export` turns a session into documents, `app` turns keys into actions and actions
//! into state, `layout` says where things go on a screen of a given size (for `app`
//! and `ui` alike, knowing neither), `ui` renders the state, and `run` and `cli` are
//! the terminal and command-line shells around them.

pub mod app;
pub mod cli;
pub mod config;
pub mod domain;
pub mod export;
pub mod layout;
pub mod mirror;
pub mod run;
pub mod share;
pub mod storage;
pub mod ui;
