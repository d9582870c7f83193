//! The messages of the legal rules: exemptions on clocks and the public `/rules` page (issue
//! #13). A link in the chain of message files (see `mod.rs`).

macro_rules! law_messages {
    ($($rest:tt)*) => {
        two_step_messages! {
            $($rest)*
            ClockExempt => "면제", "Exempt";
            ExemptBecause => "의무 없음 (면제):", "Not owed (exempt):";
            OrgDesignationsTitle => "오늘 기준 지정 대상 여부", "Designations as of today";
            OrgDesignationsHint => "아래 기관 정보와 서비스의 이용자 수·트래픽 비중·매출·데이터센터 규모로 판단합니다. 장애 판단에는 장애 발생 당시 시행 중이던 기준이 쓰입니다.", "Judged from the profile below: the services' users and traffic share, revenue and data-centre size. An incident is judged by the thresholds in force when it happened.";
            RulesTitle => "적용 규칙", "The rules we apply";
            RulesIntro => "장애 신고 데스크가 기한, 신고 대상 여부, 지정 대상, 고지 면제, 검토 의무를 판단하는 모든 규칙입니다. 규칙마다 판(version)과 시행 시각(규제기관 시간대의 0시), 법적 근거가 있습니다. 장애는 발생 당시 시행 중이던 판으로 판단합니다.", "Every rule Outage Desk uses to compute deadlines, reportability, designations, notice exemptions and the duties a filing is reviewed against. Each has versions, the instant each took effect (00:00 in its regulator's zone) and its legal basis. An incident is judged by the versions in force when it began.";
            RulesContents => "이 페이지의 내용", "On this page";
            RulesDeadlines => "보고 기한", "Reporting deadlines";
            RulesCriteria => "신고 대상 판단 기준", "Reportability criteria";
            RulesDesignations => "한국: 지정 대상 기준", "Korea: who is designated";
            RulesNotice => "한국: 이용자 고지 면제", "Korea: user-notice exemptions";
            RulesDuties => "검토 의무 목록", "The duty catalog";
            RulesDutiesHint => "과기정통부 검토관은 장애 발생 당시의 목록으로 각 의무의 이행 여부를 판단합니다.", "Ministry reviewers assess each duty of the catalog in force when the incident began.";
            RulesFrom => "기산점", "Counted from";
            RulesWithin => "기한", "Within";
            RulesBasis => "근거", "Legal basis";
            RulesEffective => "시행", "In force";
            RulesVersion => "판", "Version";
            RulesWhat => "내용", "What it says";
            RulesNis2What => "중대 사고: 재정 손실(€500,000 또는 매출의 5% 중 작은 값), 사망·건강 피해, 악의적 무단 접근(제3조); 반복 사고(제4조); 클라우드·CDN 30분 완전 중단 또는 1시간 넘게 EU 이용자 5%·100만명 중 작은 값 초과 일부 중단(제7·9조); 소셜 네트워크 EU 이용자 5%·100만명 초과(제13조); 데이터 훼손. 그 밖의 유형별 조항은 판단하지 않습니다.", "Significant: financial loss (the lower of €500,000 and 5 % of turnover), death or health damage, malicious unauthorised access (Art. 3); recurring incidents (Art. 4); cloud and CDN completely unavailable over 30 minutes, or limited over an hour for more than the smaller of 5 % of EU users and 1 M (Arts 7, 9); social networks over 5 % of EU users or 1 M (Art. 13); data compromise. Other types' articles are not assessed.";
            RulesDoraWhat => "중대 사고: 핵심 서비스 영향 그리고 악의적 무단 접근 또는 다음 중 2개 이상 — 고객 10만명·10%·거래상대방 30%·거래 10% 초과, 평판 영향, 24시간 초과 지속 또는 핵심 서비스 2시간 초과 중단, EU 2개국 이상, 데이터 손실, 경제적 영향 €100,000 초과.", "Major: critical services affected and malicious unauthorised access, or two or more of — more than 100,000 or 10 % of clients, 30 % of counterparts or 10 % of transactions; reputational impact; over 24 hours, or critical services down over 2 hours; two or more member states; data losses; economic impact over €100,000.";
            RulesFccWhat => "30분 이상 그리고 900,000 이용자·분 이상. 667 OC3-분, 특수 시설, 911, 인터넷 전화는 보고서에 사실이 없어 판단하지 않습니다.", "30 minutes and 900,000 user-minutes. 667 OC3-minutes, special facilities, 911 and interconnected VoIP are not assessed (the report does not hold those facts).";
            RulesOfcomWhat => "고객 10만명 이상(기간 무관); 유선망 1만명 또는 25% 이상 8시간; 이동망 기준은 사업자별이라 판단하지 않음. 300만 이용자·시간 초과는 중대 사고(약 3시간 안에 보고, 아니면 약 72시간).", "100,000 customers whatever the duration; fixed networks 10,000 or 25 % for 8 hours; mobile thresholds are operator-specific and not assessed. More than 3 M user-hours is critical (report within about 3 hours, otherwise about 72).";
            RulesAlways => "모든 장애", "Every outage";
            RulesAppliesTo => "적용 대상", "Applies to";
            RulesCatalog => "의무 목록", "Duty catalog";
            RulesId => "번호", "Id";
            RulesLink => "적용 규칙과 시행일 전체 보기", "Every rule we apply, with its dates";
        }
    };
}
