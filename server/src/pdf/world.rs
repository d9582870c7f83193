//! The typst `World` of one render: the template, the data file, the fonts — nothing else.

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};
use typst_layout::PagedDocument;

use super::PdfEngine;

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("template failed: {0}")]
    Template(String),
    #[error("pdf export failed: {0}")]
    Export(String),
    #[error("renderer unavailable")]
    Busy,
    /// More pages than an official document may have (see [`super::MAX_PAGES`]).
    #[error("document of {0} pages is over the page budget")]
    TooManyPages(usize),
    /// The render took longer than its time budget.
    #[error("render over its time budget")]
    TimedOut,
}

pub struct RenderWorld<'a> {
    engine: &'a PdfEngine,
    main: Source,
    data: Bytes,
}

impl<'a> RenderWorld<'a> {
    pub fn new(engine: &'a PdfEngine, main: Source, data: Bytes) -> Self {
        RenderWorld { engine, main, data }
    }

    /// Lays the document out and exports it, unless it has more than `max_pages` pages.
    pub fn render(&self, max_pages: usize) -> Result<Vec<u8>, RenderError> {
        let doc = typst::compile::<PagedDocument>(self).output.map_err(|diags| {
            RenderError::Template(diags.iter().map(|d| d.message.to_string()).collect::<Vec<_>>().join("; "))
        })?;
        if doc.pages().len() > max_pages {
            return Err(RenderError::TooManyPages(doc.pages().len()));
        }
        typst_pdf::pdf(&doc, &typst_pdf::PdfOptions::default()).map_err(|diags| {
            RenderError::Export(diags.iter().map(|d| d.message.to_string()).collect::<Vec<_>>().join("; "))
        })
    }
}

impl World for RenderWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.engine.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.engine.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.engine.data_id {
            Ok(self.data.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.engine.fonts.font(index)
    }

    /// Official documents carry the submission time from the data, never "today".
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
