//! The eframe application: panels read the workspace and push commands; nothing mutates the
//! workspace except the app's command handler.
