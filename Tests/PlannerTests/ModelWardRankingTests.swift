import Testing
@testable import Planner

@Suite struct ModelWardRankingTests {
    /// Three phường and two xã, figures chosen by hand.
    func wards() -> [WardRecord] {
        [
            // Falls 10%, clears 80%, serious 1/1, no hot cell, 60% covered, 20 cases on 2 km²
            WardRecord(id: "P1", name: "One", type: "phường", group: "A", areaKm2: 2,
                       incidentsByYear: [2022: 20, 2023: 18], solvedByYear: [2023: 15],
                       seriousByYear: [2023: 1], seriousSolvedByYear: [2023: 1], hotCells95: 0, trendCells: ["none": 8],
                       coveredShare: 0.6),
            // Rises, clears 50%, has hot cells: fails most
            WardRecord(id: "P2", name: "Two", type: "phường", group: "A", areaKm2: 1,
                       incidentsByYear: [2022: 30, 2023: 40], solvedByYear: [2023: 20],
                       seriousByYear: [2023: 2], seriousSolvedByYear: [2023: 1], hotCells95: 3,
                       trendCells: ["persistent_hot_spot": 2, "intensifying_hot_spot": 1, "sporadic_hot_spot": 4], coveredShare: 0.7),
            // Falls exactly 5% (meets "at least 5%"), no serious case (n/a = met), 25% covered
            WardRecord(id: "P3", name: "Three", type: "phường", group: "B", areaKm2: 4,
                       incidentsByYear: [2022: 20, 2023: 19], solvedByYear: [2023: 19],
                       hotCells95: 2, trendCells: ["persistent_hot_spot": 1, "none": 9], coveredShare: 0.25),
            WardRecord(id: "X1", name: "Ex", type: "xã", group: "B", areaKm2: 10,
                       incidentsByYear: [2022: 0, 2023: 3], solvedByYear: [2023: 3], coveredShare: 0.9),
            WardRecord(id: "X2", name: "Why", type: "xã", group: "B", areaKm2: 10,
                       incidentsByYear: [2022: 0, 2023: 0], coveredShare: 0.9),
        ]
    }

    @Test func listsSplitByTypeAndRankByScore() {
        let r = ModelWardRanking.rank(wards(), year: 2023)
        let wardList = r.filter { $0.listKey == "model_ward" }
        let communeList = r.filter { $0.listKey == "model_commune" }
        #expect(wardList.map(\.wardID) == ["P1", "P3", "P2"])
        #expect(wardList.map(\.rank) == [1, 2, 3])
        #expect(communeList.map(\.wardID) == ["X2", "X1"])
    }

    @Test func criteriaCarryValueThresholdAndVerdict() throws {
        let r = ModelWardRanking.rank(wards(), year: 2023)
        let p1 = try #require(r.first { $0.wardID == "P1" })
        #expect(p1.eligible)
        #expect(p1.score == 100)
        let change = try #require(p1.criteria.first { $0.key == "crime_change" })
        #expect(abs(change.value! - -10) < 1e-12)
        #expect(change.threshold == -5)
        #expect(change.passed)

        let p3 = try #require(r.first { $0.wardID == "P3" })
        #expect(p3.criteria.first { $0.key == "crime_change" }?.passed == true)     // -5% meets "at least 5%"
        #expect(p3.criteria.first { $0.key == "serious_clearance" }?.value == nil)  // no case: n/a
        #expect(p3.criteria.first { $0.key == "serious_clearance" }?.passed == true)
        let p3Coverage = try #require(p3.criteria.first { $0.key == "coverage" })
        #expect(p3Coverage.threshold == 0.6 && !p3Coverage.passed)   // 25% below the phường's median 60%
        // 5 of 6 criteria met, equal weights
        #expect(abs(p3.score - 500.0 / 6) < 1e-6)

        let p2 = try #require(r.first { $0.wardID == "P2" })
        // rises 33%, clears 50%, serious 50%, complex (3 persistent/intensifying cells per km²
        // above the phường's 75% quantile 1.625); coverage 70% met; rate 40/km² above median 9.5
        #expect(p2.criteria.filter(\.passed).map(\.key) == ["coverage"])
        #expect(!p2.eligible)
    }

    /// Judged within its class: P3 holds a persistent hot cell and two 95% hot cells but its
    /// density (0.25 per km²) is not above the phường's 75% quantile, so it is not complex; the
    /// xã have no trends (n/a, met).
    @Test func complexAreasAreJudgedWithinTheirClass() throws {
        let r = ModelWardRanking.rank(wards(), year: 2023)
        func notComplex(_ id: String) throws -> CriterionResult {
            try #require(r.first { $0.wardID == id }?.criteria.first { $0.key == "not_complex" })
        }
        // Densities 0, 3, 0.25 -> quantile 0.75 (type 7) = 0.25 + 0.5 * (3 - 0.25) = 1.625.
        #expect(abs(try notComplex("P2").threshold - 1.625) < 1e-12)
        #expect(try notComplex("P2").value == 3 && !(try notComplex("P2").passed))
        #expect(try notComplex("P3").value == 0.25 && (try notComplex("P3").passed))
        #expect(try notComplex("P1").value == 0 && (try notComplex("P1").passed))
        #expect(try notComplex("X1").value == nil && (try notComplex("X1").passed))
        // model-wards.csv writes the cells behind each density: P2's 2 persistent + 1 intensifying.
        let table = PlannerTables.modelWards(r)
        let cells = try #require(table.fields.firstIndex { $0.name == "not_complex_cells" })
        #expect(table.fields[cells - 1].name == "not_complex_pass")
        let byWard = Dictionary(uniqueKeysWithValues: zip(r.map(\.wardID), table.rows.map { $0[cells] }))
        #expect(byWard == ["P1": .integer(0), "P2": .integer(3), "P3": .integer(1), "X1": .null, "X2": .null])
        // Only persistent cells count when configured so: P2 has 2 per km², still above 1.125.
        var c = ModelWardCriteria()
        c.complexArea.categories = ["persistent_hot_spot"]
        let p2 = try #require(ModelWardRanking.rank(wards(), year: 2023, criteria: c).first { $0.wardID == "P2" })
        #expect(p2.criteria.first { $0.key == "not_complex" }?.value == 2)
    }

    /// complex_quantile 1 would make the criterion vacuous (nothing lies above a list's
    /// maximum): refused where the setting is read.
    @Test func aComplexQuantileOfOneIsRefused() throws {
        let setting = try #require(ModelWardCriteria.settings.first { $0.key == "complex_quantile" })
        var c = ModelWardCriteria()
        #expect(throws: SettingProblem.self) { try setting.apply(.text("1"), &c) }
        try setting.apply(.text("0.9"), &c)
        #expect(c.complexArea.quantile == 0.9)
    }

    /// A list of one ward cannot judge it against peers (it is its own quantile): any complex
    /// cell makes it complex, and a warning says so.
    @Test func aSingleWardListIsJudgedAbsolutely() throws {
        let p2 = wards()[1], p1 = wards()[0]
        for (ward, complex) in [(p2, true), (p1, false)] {
            let r = ModelWardRanking.rank([ward], year: 2023)
            let c = try #require(r.first?.criteria.first { $0.key == "not_complex" })
            #expect(c.threshold == 0)
            #expect(c.passed == !complex, "\(ward.id)")
        }
        #expect(ComplexAreas.warnings([p2], criteria: ModelWardCriteria()) == [
            "model-ward list 'model_ward' holds a single ward (Two): not_complex cannot compare it with its peers, "
                + "so any persistent_hot_spot or intensifying_hot_spot cell makes it complex",
        ])
        #expect(ComplexAreas.warnings(wards(), criteria: ModelWardCriteria()).isEmpty)
    }

    @Test func casesFromZeroFailTheChangeCriterion() throws {
        let r = ModelWardRanking.rank(wards(), year: 2023)
        let x1 = try #require(r.first { $0.wardID == "X1" })
        let c = try #require(x1.criteria.first { $0.key == "crime_change" })
        #expect(c.value == nil)
        #expect(!c.passed)
        let x2 = try #require(r.first { $0.wardID == "X2" })
        #expect(x2.criteria.first { $0.key == "crime_change" }?.passed == true)
    }

    @Test func weightsAndListsAreConfigurable() {
        var c = ModelWardCriteria()
        c.lists = [("all", "All units", ["phường", "xã"])]
        c.weights = ["coverage": 10, "crime_change": 0, "clearance": 0, "serious_clearance": 0, "not_complex": 0, "rate": 0]
        c.coverageMin = 0.3
        c.coverageQuantile = 0   // the absolute floor alone
        let r = ModelWardRanking.rank(wards(), year: 2023, criteria: c)
        #expect(r.count == 5)
        #expect(Set(r.map(\.listKey)) == ["all"])
        // only coverage counts: P3 (25%) is the one below 30%
        #expect(r.last?.wardID == "P3")
        #expect(r.last?.score == 0)
    }

    /// The coverage threshold is the larger of the floor and the list's quantile, and a ward no
    /// camera reaches fails even when most of its list is uncovered too.
    @Test func coverageIsJudgedAgainstTheListAndNeverPassesAtZero() throws {
        var ws = wards()
        ws += [WardRecord(id: "X3", name: "Zee", type: "xã", group: "B", areaKm2: 10, incidentsByYear: [2022: 4, 2023: 2], coveredShare: 0),
               WardRecord(id: "X4", name: "Zed", type: "xã", group: "B", areaKm2: 10, incidentsByYear: [2022: 4, 2023: 2], coveredShare: 0),
               WardRecord(id: "X5", name: "Zu", type: "xã", group: "B", areaKm2: 10, incidentsByYear: [2022: 4, 2023: 2], coveredShare: 0)]
        func coverage(_ id: String, _ c: ModelWardCriteria = .init()) throws -> CriterionResult {
            try #require(ModelWardRanking.rank(ws, year: 2023, criteria: c).first { $0.wardID == id }?.criteria.first { $0.key == "coverage" })
        }
        // xã shares 0.9, 0.9, 0, 0, 0: median 0, so the threshold is 0, yet 0 is not covered.
        let x3 = try coverage("X3")
        #expect(x3.threshold == 0 && !x3.passed)
        #expect(try coverage("X1").passed)
        // A floor above the median wins: 0.95 fails the 0.9 wards.
        var c = ModelWardCriteria()
        c.coverageMin = 0.95
        let x1 = try coverage("X1", c)
        #expect(x1.threshold == 0.95 && !x1.passed)
        // The phường median is 0.6; the 75% quantile (0.65) fails P1 (0.6).
        c = ModelWardCriteria()
        c.coverageQuantile = 0.75
        let p1 = try coverage("P1", c)
        #expect(abs(p1.threshold - 0.65) < 1e-12 && !p1.passed)
        // Left out: no coverage criterion at all.
        c.coverageMin = nil
        #expect(ModelWardRanking.rank(ws, year: 2023, criteria: c).allSatisfy { $0.criteria.allSatisfy { $0.key != "coverage" } })
    }

    @Test func quantileMatchesNumpyDefault() {
        #expect(ModelWardRanking.quantile([1, 2, 3, 4], 0.5) == 2.5)
        #expect(ModelWardRanking.quantile([10, 0, 5], 0.25) == 2.5)
    }
}
