//! Which filing may come next for an incident. An incident starts with its initial
//! notification; then any number of interim updates; then the final report, which may be
//! amended (filed again) but never followed by another interim update.

use crate::domain::filing::FilingStage;

/// The stages an operator may draft next, given the stages already filed (oldest first).
pub fn next_stages(filed: &[FilingStage]) -> Vec<FilingStage> {
    if filed.is_empty() {
        vec![FilingStage::Initial]
    } else if filed.contains(&FilingStage::Final) {
        vec![FilingStage::Final]
    } else {
        vec![FilingStage::Interim, FilingStage::Final]
    }
}

/// Whether `stage` may be drafted next.
pub fn may_draft(filed: &[FilingStage], stage: FilingStage) -> bool {
    next_stages(filed).contains(&stage)
}

#[cfg(test)]
mod tests {
    use super::*;
    use FilingStage::*;

    #[test]
    fn initial_first_then_updates_then_final_and_amendments() {
        assert_eq!(next_stages(&[]), [Initial]);
        assert_eq!(next_stages(&[Initial]), [Interim, Final]);
        assert_eq!(next_stages(&[Initial, Interim, Interim]), [Interim, Final]);
        assert_eq!(next_stages(&[Initial, Interim, Final]), [Final]);
        assert!(!may_draft(&[Initial, Final], Interim));
        assert!(!may_draft(&[], Final));
        assert!(may_draft(&[Initial], Final));
    }
}
