//! Action-plan table interaction.

use super::App;
use super::editor::Editor;
use crate::domain::session::Session;
use crossterm::event::KeyEvent;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableUi {
    pub row: usize,
    pub column: usize,
}

impl TableUi {
    pub fn clamp(&mut self, _session: &Session) {}
    pub fn on_step_change(&mut self) {}
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableAction {
    Back,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableEdit {
    Cell { row: u64, column: String },
}

pub fn keys(_key: KeyEvent) -> Option<TableAction> {
    None
}

impl App {
    pub(super) fn table_action(&mut self, _action: TableAction) {}

    pub(super) fn commit_table_edit(&mut self, _edit: TableEdit, _text: String) -> Option<Editor> {
        None
    }
}

pub const HELP: super::keys::Help = &[];
