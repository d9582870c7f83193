//! The messages of administration (issue #12): organisations, ministry staff, the audit log.
//! A link in the chain of message files (see `mod.rs`).

macro_rules! admin_messages {
    ($($rest:tt)*) => {
        case_messages! {
            $($rest)*
            AdminTitle => "시스템 관리", "Administration";
            AdminIntro => "기관과 부처 직원 계정, 보낼 전자우편, 감사 기록을 관리합니다. 모든 관리 작업은 감사 기록에 남습니다.", "Organisations, ministry staff, the outbox and the audit log. Every administrative action is recorded in the audit log.";
            AdminOrganisations => "기관", "Organisations";
            AdminStaff => "부처 직원", "Ministry staff";
            AdminAudit => "감사 기록", "Audit log";
            AdminSearch => "이름이나 짧은 이름으로 찾기", "Search by name or short name";
            AdminSearchButton => "찾기", "Search";
            AdminNoOrganisations => "찾는 기관이 없습니다.", "No organisation matches.";
            AdminNewOrganisation => "기관 등록", "Add an organisation";
            AdminNewOrganisationHint => "기관을 만들고 첫 기관 관리자에게 비밀번호를 정하는 링크를 전자우편으로 보냅니다. 나머지 구성원은 그 관리자가 초대합니다.", "Creates the organisation and e-mails its first admin a link to choose a password; that admin invites the rest.";
            AdminCreate => "기관 등록하고 관리자 초대", "Create it and invite its admin";
            AdminSlug => "짧은 이름 (영문)", "Short name";
            AdminSlugHint => "공개 주소에 쓰입니다. 영문 소문자, 숫자, 하이픈. 나중에 바꿀 수 없습니다.", "Used in public addresses: lower-case letters, digits and hyphens. It cannot be changed later.";
            AdminNameKo => "표시 이름 (국문)", "Display name (Korean)";
            AdminNameEn => "표시 이름 (영문)", "Display name (English)";
            AdminLegalKo => "법인명 (국문)", "Legal name (Korean)";
            AdminLegalEn => "법인명 (영문)", "Legal name (English)";
            AdminBizReg => "사업자등록번호", "Business registration number";
            AdminContactName => "24시간 장애 연락 담당자", "24/7 incident contact";
            AdminContactPhone => "연락처 전화번호", "Contact phone";
            AdminContactEmail => "연락처 전자우편", "Contact e-mail";
            AdminFirstAdminName => "첫 기관 관리자 이름", "First admin's name";
            AdminFirstAdminEmail => "첫 기관 관리자 전자우편", "First admin's e-mail";
            AdminPeople => "구성원", "People";
            AdminIncidents => "장애", "Incidents";
            AdminCreatedAt => "등록일", "Created";
            AdminStatus => "상태", "Status";
            AdminActive => "사용 중", "Active";
            AdminDeactivated => "사용 중지", "Deactivated";
            AdminInvitedTag => "초대됨 (계정 만들기 전)", "Invited (no account yet)";
            AdminCreated => "기관을 만들고 첫 관리자에게 초대 전자우편을 보냈습니다.", "The organisation is created and its first admin has been e-mailed an invitation.";
            AdminSaved => "저장했습니다.", "Saved.";
            AdminEditOrganisation => "기관 정보", "Organisation details";
            AdminSaveOrganisation => "기관 정보 저장", "Save the details";
            AdminDeactivate => "기관 사용 중지…", "Deactivate the organisation…";
            AdminDeactivateHint => "이 기관의 모든 구성원은 즉시 로그아웃되고 다시 로그인할 수 없습니다. 제출한 보고와 공개 요약은 그대로 남습니다. 다시 사용하게 할 수 있습니다.", "Everyone of this organisation is signed out at once and cannot sign in again. Its filings and published summaries stay. It can be reactivated.";
            AdminReactivate => "기관 다시 사용…", "Reactivate the organisation…";
            AdminReactivateHint => "구성원이 다시 로그인할 수 있게 됩니다.", "Its people can sign in again.";
            AdminReason => "사유 (감사 기록에 남습니다)", "Reason (kept in the audit log)";
            AdminConfirmDeactivate => "이 기관의 모든 구성원이 로그아웃된다는 것을 압니다", "I understand everyone of this organisation is signed out";
            AdminConfirmReactivate => "이 기관을 다시 사용하게 합니다", "I want this organisation active again";
            AdminConfirmButton => "확인하고 진행", "Confirm";
            AdminDeactivatedNotice => "기관을 사용 중지했습니다. 구성원의 로그인은 모두 끝났습니다.", "The organisation is deactivated; all its sessions have ended.";
            AdminReactivatedNotice => "기관을 다시 사용하게 했습니다.", "The organisation is active again.";
            AdminInviteStaff => "부처 직원 초대", "Invite ministry staff";
            AdminInviteStaffHint => "초대받은 분에게 비밀번호를 정하는 링크를 전자우편으로 보냅니다 (72시간).", "They are e-mailed a link to choose a password (72 hours).";
            AdminInvite => "초대 보내기", "Send the invitation";
            AdminStaffInvited => "초대를 보냈습니다.", "The invitation has been sent.";
            AdminName => "이름", "Name";
            AdminEmail => "전자우편", "E-mail";
            AdminRole => "역할", "Role";
            AdminChangeRole => "역할 바꾸기", "Change role";
            AdminDisable => "사용 중지", "Disable";
            AdminEnable => "다시 사용", "Enable";
            AdminAuditFilter => "작업 종류", "Kind of action";
            AdminAuditAll => "전체", "Everything";
            AdminAuditAdmin => "관리 작업", "Administration";
            AdminAuditAccounts => "계정·로그인", "Accounts and sign-in";
            AdminAuditTeams => "기관 구성원", "Organisations' teams";
            AdminAuditWhen => "일시", "When";
            AdminAuditWho => "누가", "Who";
            AdminAuditWhat => "작업", "Action";
            AdminAuditSubject => "대상", "Subject";
            AdminAuditDetail => "내용", "Detail";
            AdminSystem => "시스템", "System";
        }
    };
}
