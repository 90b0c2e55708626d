//! The ACLED event taxonomy: event types and sub-event types, spelled
//! exactly as the codebook (and `events.md`) spells them.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the exact codebook spelling (case-insensitive).
            pub fn parse(s: &str) -> Option<$name> {
                let s = s.trim();
                $name::ALL.iter().copied().find(|v| v.as_str().eq_ignore_ascii_case(s))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $name::parse(&s).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "unknown {} {s:?}", stringify!($name)
                    ))
                })
            }
        }
    };
}

string_enum! {
    /// The six ACLED event types.
    EventType {
        Battles => "Battles",
        ExplosionsRemoteViolence => "Explosions/Remote violence",
        ViolenceAgainstCivilians => "Violence against civilians",
        Protests => "Protests",
        Riots => "Riots",
        StrategicDevelopments => "Strategic developments",
    }
}

string_enum! {
    /// The ACLED sub-event types; each belongs to exactly one [`EventType`].
    SubEventType {
        ArmedClash => "Armed clash",
        GovernmentRegainsTerritory => "Government regains territory",
        NonStateActorOvertakesTerritory => "Non-state actor overtakes territory",
        ChemicalWeapon => "Chemical weapon",
        AirDroneStrike => "Air/drone strike",
        SuicideBomb => "Suicide bomb",
        ShellingArtilleryMissileAttack => "Shelling/artillery/missile attack",
        RemoteExplosive => "Remote explosive/landmine/IED",
        Grenade => "Grenade",
        SexualViolence => "Sexual violence",
        Attack => "Attack",
        Abduction => "Abduction/forced disappearance",
        PeacefulProtest => "Peaceful protest",
        ProtestWithIntervention => "Protest with intervention",
        ExcessiveForceAgainstProtesters => "Excessive force against protesters",
        ViolentDemonstration => "Violent demonstration",
        MobViolence => "Mob violence",
        Agreement => "Agreement",
        Arrests => "Arrests",
        ChangeToGroupActivity => "Change to group/activity",
        DisruptedWeaponsUse => "Disrupted weapons use",
        HeadquartersOrBaseEstablished => "Headquarters or base established",
        LootingPropertyDestruction => "Looting/property destruction",
        NonViolentTransferOfTerritory => "Non-violent transfer of territory",
        Other => "Other",
    }
}

impl SubEventType {
    /// The event type this sub-event type belongs to.
    pub fn event_type(self) -> EventType {
        use SubEventType::*;
        match self {
            ArmedClash | GovernmentRegainsTerritory | NonStateActorOvertakesTerritory => {
                EventType::Battles
            }
            ChemicalWeapon
            | AirDroneStrike
            | SuicideBomb
            | ShellingArtilleryMissileAttack
            | RemoteExplosive
            | Grenade => EventType::ExplosionsRemoteViolence,
            SexualViolence | Attack | Abduction => EventType::ViolenceAgainstCivilians,
            PeacefulProtest | ProtestWithIntervention | ExcessiveForceAgainstProtesters => {
                EventType::Protests
            }
            ViolentDemonstration | MobViolence => EventType::Riots,
            Agreement
            | Arrests
            | ChangeToGroupActivity
            | DisruptedWeaponsUse
            | HeadquartersOrBaseEstablished
            | LootingPropertyDestruction
            | NonViolentTransferOfTerritory
            | Other => EventType::StrategicDevelopments,
        }
    }

    /// The ACLED disorder type of this sub-event type.
    pub fn disorder_type(self) -> &'static str {
        match self.event_type() {
            EventType::Protests | EventType::Riots => "Demonstrations",
            EventType::StrategicDevelopments => "Strategic developments",
            _ => "Political violence",
        }
    }

    /// A short slug for keys and ids ("regains", "clash", "airstrike"...).
    pub fn slug(self) -> &'static str {
        use SubEventType::*;
        match self {
            ArmedClash => "clash",
            GovernmentRegainsTerritory => "regains",
            NonStateActorOvertakesTerritory => "overtakes",
            ChemicalWeapon => "chemical",
            AirDroneStrike => "airstrike",
            SuicideBomb => "suicide-bomb",
            ShellingArtilleryMissileAttack => "shelling",
            RemoteExplosive => "ied",
            Grenade => "grenade",
            SexualViolence => "sexual-violence",
            Attack => "attack",
            Abduction => "abduction",
            PeacefulProtest => "protest",
            ProtestWithIntervention => "protest-intervention",
            ExcessiveForceAgainstProtesters => "excessive-force",
            ViolentDemonstration => "riot",
            MobViolence => "mob-violence",
            Agreement => "agreement",
            Arrests => "arrests",
            ChangeToGroupActivity => "group-change",
            DisruptedWeaponsUse => "disrupted-weapons",
            HeadquartersOrBaseEstablished => "base",
            LootingPropertyDestruction => "looting",
            NonViolentTransferOfTerritory => "transfer",
            Other => "other",
        }
    }
}

/// ACLED interaction codes (`inter1`/`inter2`).
pub mod inter {
    pub const STATE_FORCES: u8 = 1;
    pub const REBEL_GROUPS: u8 = 2;
    pub const POLITICAL_MILITIAS: u8 = 3;
    pub const IDENTITY_MILITIAS: u8 = 4;
    pub const RIOTERS: u8 = 5;
    pub const PROTESTERS: u8 = 6;
    pub const CIVILIANS: u8 = 7;
    pub const EXTERNAL: u8 = 8;

    /// Whether `code` is a valid interaction code.
    pub fn is_valid(code: u8) -> bool {
        (1..=8).contains(&code)
    }

    /// ACLED's two-digit `interaction` code: the two inter codes, smaller
    /// first (`10 + inter1` style codes for a one-sided event).
    pub fn interaction(inter1: u8, inter2: Option<u8>) -> u8 {
        match inter2 {
            None => inter1 * 10,
            Some(i2) => {
                let (a, b) = if inter1 <= i2 {
                    (inter1, i2)
                } else {
                    (i2, inter1)
                };
                a * 10 + b
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sub_type_round_trips_and_has_a_type() {
        for &s in SubEventType::ALL {
            assert_eq!(SubEventType::parse(s.as_str()), Some(s));
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(serde_json::from_str::<SubEventType>(&json).unwrap(), s);
            assert!(EventType::ALL.contains(&s.event_type()));
        }
        assert_eq!(SubEventType::ALL.len(), 25);
        assert_eq!(
            SubEventType::parse("Remote explosive/landmine/IED").map(|s| s.event_type()),
            Some(EventType::ExplosionsRemoteViolence)
        );
        assert!(serde_json::from_str::<EventType>("\"Battle\"").is_err());
    }

    #[test]
    fn interaction_codes() {
        assert_eq!(inter::interaction(1, Some(2)), 12);
        assert_eq!(inter::interaction(2, Some(1)), 12);
        assert_eq!(inter::interaction(1, None), 10);
        assert_eq!(inter::interaction(8, Some(7)), 78);
    }
}
