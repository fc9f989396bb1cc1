//! What the app has told the user: every note and error, oldest first, kept for the session.
//! `toasts.rs` draws them (a toast once, then the Messages pane); everything that reports
//! something goes through `ClaimbenchApp::note` / `error`, which land here.

/// How many messages are kept; older ones are dropped first.
const KEPT: usize = 500;

/// A message for the user: shown once as a toast (errors stay until dismissed, notes fade) and
/// kept in the Messages pane for the session.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// Whether it is an error.
    pub error: bool,
    /// One or more lines of text.
    pub text: String,
    /// Wall-clock time it was raised, `HH:MM:SS`.
    pub time: String,
    /// Whether its toast is still up.
    pub toast: bool,
    /// When it was raised (the status bar shows a note only while it is recent).
    pub at: std::time::Instant,
}

/// The session's messages and when the toasts last changed.
#[derive(Debug, Default)]
pub struct Notifications {
    /// Oldest first.
    pub messages: Vec<Message>,
    /// When the toasts of notes were last changed (notes fade after a few seconds).
    clock: Option<std::time::Instant>,
}

impl Notifications {
    /// Adds a message with its toast up.
    pub fn push(&mut self, error: bool, text: String) {
        self.messages.push(Message {
            error,
            text,
            time: chrono::Local::now().format("%H:%M:%S").to_string(),
            toast: true,
            at: std::time::Instant::now(),
        });
        if self.messages.len() > KEPT {
            self.messages.drain(..self.messages.len() - KEPT);
        }
        self.clock = Some(std::time::Instant::now());
    }

    /// How long ago the newest message was raised (drives the fading of note toasts).
    pub fn age(&self) -> Option<std::time::Duration> {
        self.clock.map(|t| t.elapsed())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_newest_messages_are_kept() {
        let mut n = Notifications::default();
        assert!(n.age().is_none());
        for i in 0..KEPT + 3 {
            n.push(i % 2 == 0, format!("message {i}"));
        }
        assert_eq!(n.messages.len(), KEPT);
        assert_eq!(n.messages[0].text, "message 3");
        assert!(n.age().is_some());
    }
}
