//! The room split into groups (seed 001: "count off by 6s"): how many, who is in
//! which, and what each group works on. Assignment is a pure function of the names,
//! the count, the method and a seed, so a test with a fixed seed is exact; the
//! members are stored too, so a re-read file shows the groups the room formed.

use super::template::{GroupWork, Template};
use serde::{Deserialize, Serialize};

/// More groups than this would not fit the projector, nor most rooms.
pub const MAX_GROUPS: u32 = 20;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Groups {
    pub count: u32,
    pub method: Method,
    /// Drives the random order; a re-draw takes a new one.
    pub seed: u64,
    /// The names typed, in the order people sit (the order they count off in).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    /// Names by group (group 1 first); empty when no names were typed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Vec<String>>,
    /// What each group works on, one entry per group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub work: Vec<Work>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Around the room, 1, 2, … count, 1, 2…: neighbours end up apart.
    #[default]
    CountOff,
    /// Shuffled with the seed, then counted off, so groups stay even.
    Random,
}

impl Method {
    /// How the groups were formed, for a sentence: "6 groups, formed by counting off".
    pub fn formed(self) -> &'static str {
        match self {
            Method::CountOff => "by counting off",
            Method::Random => "at random",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Work {
    /// 1-based, as the room counts.
    pub group: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiative: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
}

/// Deals `participants` into `count` groups: in their order (counting off) or in an
/// order shuffled by `seed`. Sizes differ by one at most.
pub fn assign(participants: &[String], count: u32, method: Method, seed: u64) -> Vec<Vec<String>> {
    let count = count.max(1) as usize;
    let mut order: Vec<&String> = participants.iter().collect();
    if method == Method::Random {
        let mut rng = SplitMix64(seed);
        // Fisher-Yates.
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
    }
    let mut groups = vec![Vec::new(); count];
    for (i, name) in order.into_iter().enumerate() {
        groups[i % count].push(name.clone());
    }
    groups
}

/// A tiny, well-known generator (Steele, Lea and Flood 2014): enough to shuffle names
/// reproducibly, no dependency needed.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

impl Groups {
    /// `count` groups by counting off, each given its default work.
    pub fn new(
        count: u32,
        seed: u64,
        template: &Template,
        work: GroupWork,
        initiatives: &[u64],
    ) -> Groups {
        let mut groups = Groups {
            count: count.clamp(1, MAX_GROUPS),
            method: Method::CountOff,
            seed,
            participants: Vec::new(),
            members: Vec::new(),
            work: Vec::new(),
        };
        groups.fit_work(template, work, initiatives);
        groups
    }

    /// Deals the participants again (after a change of count, names, method or seed).
    pub fn reassign(&mut self) {
        self.members = if self.participants.is_empty() {
            Vec::new()
        } else {
            assign(&self.participants, self.count, self.method, self.seed)
        };
    }

    /// A new count (kept between 1 and [`MAX_GROUPS`]); members are dealt again and
    /// groups keep the work they had.
    pub fn set_count(
        &mut self,
        count: u32,
        template: &Template,
        work: GroupWork,
        initiatives: &[u64],
    ) {
        self.count = count.clamp(1, MAX_GROUPS);
        self.reassign();
        self.fit_work(template, work, initiatives);
    }

    /// The names of group `group` (1-based).
    pub fn members_of(&self, group: u32) -> &[String] {
        group
            .checked_sub(1)
            .and_then(|i| self.members.get(i as usize))
            .map_or(&[], Vec::as_slice)
    }

    pub fn work_of(&self, group: u32) -> Option<&Work> {
        self.work.iter().find(|w| w.group == group)
    }

    /// One work entry per group: groups that had one keep it, new groups take the
    /// initiatives (or tables) in turn, so six groups on three initiatives make two
    /// groups per initiative.
    pub fn fit_work(&mut self, template: &Template, work: GroupWork, initiatives: &[u64]) {
        self.work.retain(|w| w.group <= self.count);
        for group in 1..=self.count {
            if self.work_of(group).is_some() {
                continue;
            }
            let i = (group - 1) as usize;
            let entry = match work {
                GroupWork::Initiatives => Work {
                    group,
                    initiative: (!initiatives.is_empty())
                        .then(|| initiatives[i % initiatives.len()]),
                    table: None,
                },
                GroupWork::Tables => Work {
                    group,
                    initiative: None,
                    table: Some(template.tables[i % template.tables.len()].key.clone()),
                },
            };
            self.work.push(entry);
        }
        self.work.sort_by_key(|w| w.group);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(n: usize) -> Vec<String> {
        (1..=n).map(|i| format!("P{i}")).collect()
    }

    #[test]
    fn counting_off_by_six_deals_around_the_room() {
        let groups = assign(&names(14), 6, Method::CountOff, 0);
        assert_eq!(groups.len(), 6);
        assert_eq!(groups[0], ["P1", "P7", "P13"]);
        assert_eq!(groups[1], ["P2", "P8", "P14"]);
        assert_eq!(groups[5], ["P6", "P12"]);
    }

    #[test]
    fn a_random_draw_is_fixed_by_its_seed_and_even() {
        let people = names(13);
        let a = assign(&people, 6, Method::Random, 1234);
        assert_eq!(a, assign(&people, 6, Method::Random, 1234));
        assert_ne!(a, assign(&people, 6, Method::CountOff, 1234), "shuffled");
        let b = assign(&people, 6, Method::Random, 1235);
        assert_ne!(a, b, "a re-draw changes the groups");
        let mut everyone: Vec<String> = b.concat();
        everyone.sort();
        let mut expected = people.clone();
        expected.sort();
        assert_eq!(everyone, expected, "nobody lost or counted twice");
        assert!(b.iter().all(|g| (2..=3).contains(&g.len())));
    }

    #[test]
    fn each_group_gets_work_and_keeps_it_when_the_count_changes() {
        let t = Template::built_in("un-desa-action-planning").unwrap();
        let mut g = Groups::new(6, 7, &t, GroupWork::Initiatives, &[10, 20, 30]);
        let work: Vec<Option<u64>> = g.work.iter().map(|w| w.initiative).collect();
        assert_eq!(
            work,
            [Some(10), Some(20), Some(30), Some(10), Some(20), Some(30)]
        );
        g.work[0].initiative = Some(30);
        g.participants = names(8);
        g.set_count(4, &t, GroupWork::Initiatives, &[10, 20, 30]);
        assert_eq!(g.work.len(), 4);
        assert_eq!(g.work_of(1).unwrap().initiative, Some(30), "kept");
        assert_eq!(g.members_of(4), ["P4", "P8"]);
        assert_eq!(g.members_of(5), [] as [String; 0]);
        g.set_count(0, &t, GroupWork::Initiatives, &[]);
        assert_eq!(g.count, 1, "at least one group");
    }
}
