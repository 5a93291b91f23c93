//! Colours. The light theme is the default: dark text on white survives a washed-out
//! projector. With `NO_COLOR` set, every style is plain and the labels carry the meaning.

use crate::domain::board::NoteColour;
use crate::domain::session::ThemeName;
use crate::domain::timer::Stage;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
    pub colour: bool,
}

impl Theme {
    pub fn new(name: ThemeName, colour: bool) -> Theme {
        Theme { name, colour }
    }

    /// Colour unless the `NO_COLOR` convention asks for none.
    pub fn from_env(name: ThemeName) -> Theme {
        let no_colour = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::new(name, !no_colour)
    }

    fn light(&self) -> bool {
        self.name == ThemeName::Light
    }

    fn pick(&self, light: Color, dark: Color) -> Color {
        if self.light() { light } else { dark }
    }

    fn fg_bg(&self, fg: Color, bg: Color) -> Style {
        if self.colour {
            Style::new().fg(fg).bg(bg)
        } else {
            Style::new()
        }
    }

    /// Screen background and body text.
    pub fn base(&self) -> Style {
        self.fg_bg(
            self.pick(Color::Black, Color::White),
            self.pick(Color::White, Color::Black),
        )
    }

    /// Secondary text: still strong enough for a projector (no light greys).
    pub fn muted(&self) -> Style {
        self.base().fg_if(
            self.colour,
            self.pick(Color::Rgb(60, 60, 60), Color::Rgb(200, 200, 200)),
        )
    }

    pub fn title(&self) -> Style {
        self.base().add_modifier(Modifier::BOLD)
    }

    pub fn accent(&self) -> Style {
        self.base()
            .fg_if(
                self.colour,
                self.pick(Color::Rgb(0, 70, 160), Color::Rgb(120, 190, 255)),
            )
            .add_modifier(Modifier::BOLD)
    }

    /// Highlighted selection: reversed, so it shows without colour too.
    pub fn selected(&self) -> Style {
        self.base()
            .add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn border(&self) -> Style {
        self.muted()
    }

    pub fn error(&self) -> Style {
        self.base()
            .fg_if(
                self.colour,
                self.pick(Color::Rgb(170, 0, 0), Color::Rgb(255, 110, 110)),
            )
            .add_modifier(Modifier::BOLD)
    }

    pub fn ok(&self) -> Style {
        self.base()
            .fg_if(
                self.colour,
                self.pick(Color::Rgb(0, 110, 40), Color::Rgb(110, 220, 130)),
            )
            .add_modifier(Modifier::BOLD)
    }

    /// The countdown's colour for a stage (the stage label is always shown beside it).
    pub fn stage(&self, stage: Stage) -> Style {
        let fg = match stage {
            Stage::Calm => self.pick(Color::Rgb(0, 90, 40), Color::Rgb(110, 220, 130)),
            Stage::Warning => self.pick(Color::Rgb(150, 80, 0), Color::Rgb(255, 190, 60)),
            Stage::Urgent => self.pick(Color::Rgb(190, 0, 0), Color::Rgb(255, 90, 90)),
            Stage::Overtime => Color::White,
        };
        let style = self
            .base()
            .fg_if(self.colour, fg)
            .add_modifier(Modifier::BOLD);
        if stage == Stage::Overtime && self.colour {
            style.bg(self.pick(Color::Rgb(190, 0, 0), Color::Rgb(150, 0, 0)))
        } else if stage == Stage::Overtime {
            style.add_modifier(Modifier::REVERSED)
        } else {
            style
        }
    }

    /// A sticky note's card: black text on a strong fill, in either theme.
    pub fn note(&self, colour: NoteColour) -> Style {
        let bg = match colour {
            NoteColour::Yellow => Color::Rgb(255, 225, 70),
            NoteColour::Orange => Color::Rgb(240, 150, 40),
            NoteColour::Sky => Color::Rgb(110, 190, 240),
            NoteColour::Green => Color::Rgb(80, 200, 140),
            NoteColour::Pink => Color::Rgb(240, 150, 200),
            NoteColour::Grey => Color::Rgb(190, 190, 190),
        };
        if self.colour {
            Style::new().fg(Color::Black).bg(bg)
        } else {
            Style::new()
        }
    }
}

trait FgIf {
    fn fg_if(self, on: bool, c: Color) -> Self;
}

impl FgIf for Style {
    fn fg_if(self, on: bool, c: Color) -> Style {
        if on { self.fg(c) } else { self }
    }
}
