/// The texts of one panel: its title and its axis labels. Empty texts are left out.
public struct ChartLabels: Sendable {
  public var title: String
  public var xLabel: String
  public var yLabel: String

  /// Labels for a panel titled `title` with axes labelled `xLabel` and `yLabel`.
  public init(title: String, xLabel: String, yLabel: String) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
  }
}
