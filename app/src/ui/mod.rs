//! Layout, shared components and the application shell.

pub mod case;
pub mod case_fields;
pub mod chart;
pub mod clocks;
pub mod forms;
pub mod history;
pub mod hydration;
pub mod layout;
pub mod leave_guard;
pub mod live_check;
pub mod public_meta;
pub mod raw_sinks;
pub mod report_form;
pub mod report_show;
pub mod rules_text;
pub mod shell;
pub mod show;
pub mod table;
