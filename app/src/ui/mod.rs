//! Layout, shared components and the application shell.

pub mod forms;
pub mod layout;
pub mod shell;
pub mod show;
