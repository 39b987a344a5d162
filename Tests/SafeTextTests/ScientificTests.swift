import SafeText
import Testing

@Suite struct ScientificTests {
  @Test func writesAMantissaFromOneToTenAndTheExponent() {
    #expect(SafeText.scientific(0.015197875735672994, digits: 3) == "1.52e-2")
    #expect(SafeText.scientific(-31_415_926, digits: 2) == "-3.1e7")
    #expect(SafeText.scientific(3.2e-9, digits: 2) == "3.2e-9")
    #expect(SafeText.scientific(1, digits: 1) == "1e0")
    #expect(SafeText.scientific(0, digits: 3) == "0")
    #expect(SafeText.scientific(5e-324, digits: 2) == "4.9e-324")
    #expect(SafeText.scientific(.greatestFiniteMagnitude, digits: 3) == "1.80e308")
  }

  @Test func aMantissaThatRoundsToTenMovesToTheNextPower() {
    #expect(SafeText.scientific(9.996, digits: 3) == "1.00e1")
    #expect(SafeText.scientific(0.0009999, digits: 2) == "1.0e-3")
  }

  @Test func refusesWhatCannotBeWritten() {
    #expect(SafeText.scientific(.nan, digits: 3) == nil)
    #expect(SafeText.scientific(-.infinity, digits: 3) == nil)
    #expect(SafeText.scientific(1, digits: 0) == nil)
  }
}
