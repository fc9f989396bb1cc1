//! Reading and writing files: the workspace RON file (atomic, versioned, with precise errors).
//!
//! Nothing here touches the GUI; the app and the CLI both go through these functions.

pub mod disk;
pub mod error;
pub mod feed;
pub mod fetch;
pub mod import;
pub mod load;
pub mod lock;
pub mod read;
pub mod recovery;
pub mod save;

pub use error::{LoadError, SaveError};
pub use load::{load_unvalidated, load_workspace, load_workspace_bytes, locate, parse_workspace};
pub use save::{backup_path, save_workspace, to_ron_string};
