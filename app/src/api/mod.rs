//! What pages read, and the server functions that read it. Server functions are thin: they
//! take the caller's capability, call one storage operation through [`ports::Desks`], and
//! map errors to codes the page translates. Writes go through plain HTML form posts handled
//! by the server crate, so every form works without JavaScript.

pub mod admin_views;
pub mod case_views;
pub mod echo;
pub mod error_notice;
#[cfg(feature = "ssr")]
pub mod ports;
pub mod public_views;
mod reads;
pub mod views;

pub use admin_views::*;
pub use case_views::*;
pub use echo::{form_echo, FormEcho, FormProblem, Saved};
pub use error_notice::ErrorNotice;
pub use public_views::*;
pub use reads::*;
pub use views::*;
