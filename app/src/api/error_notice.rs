//! What the server puts in the page's context when it answers with an error page, so that
//! 403, 404, 413 and 500 pages are drawn by the same shell as every other page (masthead,
//! skip link, navigation, language switch) instead of a second hand-built document.

use crate::i18n::Msg;

/// An error page to show in place of the route at the address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ErrorNotice {
    /// The HTTP status the page is sent with.
    pub status: u16,
    pub title: Msg,
    pub body: Msg,
    /// Whether the address can be fetched again (a GET): the language switch then links to
    /// it; after a refused post it links to the home page instead.
    pub same_address: bool,
}
