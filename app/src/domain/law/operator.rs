//! What the rules need to know about an operator, from its standing profile (brief, section
//! c.0): revenue, its services (users, traffic share, paid or free, critical functions), its
//! data-centre facts, and what it is under foreign regimes (NIS2 entity type, DORA financial
//! entity, a UK network). Built once from the stored profile and passed to every rule, so the
//! organisation page, the incident page and the ministry's case judge with the same facts.

use serde::{Deserialize, Serialize};

use crate::domain::report::Content;

/// How a service is charged (the user-notice and compensation rules depend on it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Charging {
    Paid,
    Free,
    /// Free and paid tiers.
    Mixed,
}

impl Charging {
    fn parse(s: &str) -> Option<Charging> {
        match s {
            "paid" => Some(Charging::Paid),
            "free" => Some(Charging::Free),
            "mixed" => Some(Charging::Mixed),
            _ => None,
        }
    }
}

/// One registered service.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceFacts {
    pub name_ko: String,
    pub name_en: String,
    /// Daily domestic users, 3-month average at the end of the previous year.
    pub daily_users: Option<u64>,
    /// Share of domestic internet traffic, percent.
    pub traffic_share_pct: Option<f64>,
    pub charging: Option<Charging>,
    /// Function codes (`login`, `payments`…) the operator names critical (DORA).
    pub critical_functions: Vec<String>,
    /// A cloud service under the Cloud Computing Act (exempt from the user-notice duty).
    pub cloud_act: Option<bool>,
}

/// NIS2 entity types of Annex I (digital infrastructure, ICT service management) and Annex II
/// (digital providers), as far as a platform operator can be one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Nis2Entity {
    Cloud,
    Cdn,
    DataCentre,
    Dns,
    Tld,
    Ixp,
    TrustService,
    ManagedService,
    ManagedSecurity,
    OnlineMarketplace,
    SearchEngine,
    SocialNetwork,
    /// Not an entity under NIS2.
    NotCovered,
}

impl Nis2Entity {
    pub const ALL: [Nis2Entity; 13] = [
        Nis2Entity::Cloud,
        Nis2Entity::Cdn,
        Nis2Entity::DataCentre,
        Nis2Entity::Dns,
        Nis2Entity::Tld,
        Nis2Entity::Ixp,
        Nis2Entity::TrustService,
        Nis2Entity::ManagedService,
        Nis2Entity::ManagedSecurity,
        Nis2Entity::OnlineMarketplace,
        Nis2Entity::SearchEngine,
        Nis2Entity::SocialNetwork,
        Nis2Entity::NotCovered,
    ];

    /// The stored code (the profile's `nis2_entity` answer).
    pub fn code(self) -> &'static str {
        match self {
            Nis2Entity::Cloud => "cloud",
            Nis2Entity::Cdn => "cdn",
            Nis2Entity::DataCentre => "data_centre",
            Nis2Entity::Dns => "dns",
            Nis2Entity::Tld => "tld",
            Nis2Entity::Ixp => "ixp",
            Nis2Entity::TrustService => "trust_service",
            Nis2Entity::ManagedService => "managed_service",
            Nis2Entity::ManagedSecurity => "managed_security",
            Nis2Entity::OnlineMarketplace => "online_marketplace",
            Nis2Entity::SearchEngine => "search_engine",
            Nis2Entity::SocialNetwork => "social_network",
            Nis2Entity::NotCovered => "none",
        }
    }

    pub fn parse(s: &str) -> Option<Nis2Entity> {
        Nis2Entity::ALL.into_iter().find(|e| e.code() == s)
    }
}

/// A UK public electronic communications network or service, for Ofcom's thresholds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UkNetwork {
    Fixed,
    Mobile,
    Both,
    NotCovered,
}

/// Everything the rules read about an operator.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OperatorFacts {
    /// Previous-year revenue, KRW.
    pub revenue_krw: Option<u64>,
    /// Annual turnover, EUR (NIS2's 5 % financial-loss criterion).
    pub turnover_eur: Option<u64>,
    /// Server-room floor area, m² (data-centre operators).
    pub dc_floor_m2: Option<u64>,
    /// Power receiving capacity, kW (data-centre operators).
    pub dc_power_kw: Option<u64>,
    pub nis2_entity: Option<Nis2Entity>,
    /// A financial entity under DORA.
    pub dora_entity: Option<bool>,
    pub uk_network: Option<UkNetwork>,
    pub services: Vec<ServiceFacts>,
}

impl OperatorFacts {
    /// From the stored profile answers and the service records' answers.
    pub fn from_profile(profile: &Content, services: &[Content]) -> OperatorFacts {
        OperatorFacts {
            revenue_krw: profile.count("revenue_krw"),
            turnover_eur: profile.count("turnover_eur"),
            dc_floor_m2: profile.count("dc_floor_m2"),
            dc_power_kw: profile.count("dc_power_kw"),
            nis2_entity: Nis2Entity::parse(profile.get("nis2_entity")),
            dora_entity: profile.yes("dora_entity"),
            uk_network: match profile.get("uk_network") {
                "fixed" => Some(UkNetwork::Fixed),
                "mobile" => Some(UkNetwork::Mobile),
                "both" => Some(UkNetwork::Both),
                "none" => Some(UkNetwork::NotCovered),
                _ => None,
            },
            services: services.iter().map(service_facts).collect(),
        }
    }

    /// The registered services an incident's `services_affected` answer names (a line that
    /// contains a service's Korean or English name, case and spacing ignored: "판교톡 메신저 /
    /// Pangyo Talk messenger" names "판교톡 메신저"); every registered service when it names
    /// none of them (the organisation as a whole), and whether it did.
    pub fn services_named(&self, services_affected: &str) -> (Vec<&ServiceFacts>, bool) {
        let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        let lines: Vec<String> = services_affected.lines().map(norm).filter(|l| !l.is_empty()).collect();
        let names = |s: &ServiceFacts| [norm(&s.name_ko), norm(&s.name_en)];
        let named: Vec<&ServiceFacts> = self
            .services
            .iter()
            .filter(|s| names(s).iter().any(|n| n.chars().count() >= 2 && lines.iter().any(|l| l.contains(n.as_str()))))
            .collect();
        if named.is_empty() {
            (self.services.iter().collect(), false)
        } else {
            (named, true)
        }
    }
}

/// One service record's answers as facts.
pub fn service_facts(c: &Content) -> ServiceFacts {
    ServiceFacts {
        name_ko: c.get("name_ko").to_string(),
        name_en: c.get("name_en").to_string(),
        daily_users: c.count("daily_users"),
        traffic_share_pct: c.get("traffic_share_pct").parse().ok(),
        charging: Charging::parse(c.get("paid")),
        critical_functions: c.codes("critical_functions").into_iter().map(str::to_string).collect(),
        cloud_act: c.yes("cloud_act"),
    }
}
