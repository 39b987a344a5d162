import TinyNet

/// The report's words in one language, with `{name}` placeholders filled by `format`.
public struct ReportStrings: Sendable {
  /// Every text the report's code uses; the templates may use more.
  enum Key: String, CaseIterable {
    case generatedBy = "generated_by", dataCaption = "data_caption"
    case dataTextParabola = "data_text_parabola", dataTextCircle = "data_text_circle"
    case dataTextXor = "data_text_xor", dataTextGauss = "data_text_gauss", dataTextSpiral = "data_text_spiral"
    case dataTextCSV = "data_text_csv", dataTextCSVSets = "data_text_csv_sets"
    case dataDescription = "data_description", dataDescriptionCSV = "data_description_csv"
    case dataDescriptionNoise = "data_description_noise"
    case dataNoiseCircle = "data_noise_circle", dataNoiseXor = "data_noise_xor"
    case dataNoiseGauss = "data_noise_gauss", dataNoiseSpiral = "data_noise_spiral"
    case sectionData = "section_data", sectionDataSets = "section_data_sets"
    case hiddenNone = "hidden_none", hiddenOne = "hidden_one", hiddenMany = "hidden_many"
    case initialSourceFirstDiagram = "initial_source_first_diagram", initialSourceNotebook = "initial_source_notebook"
    case initialSourceRandom = "initial_source_random", initialSourceGiven = "initial_source_given"
    case updateDiverged = "update_diverged", overflowNote = "overflow_note"
    case histogramsNone = "histograms_none", histogramsOverflow = "histograms_overflow"
    case sectionHiddenUnits = "section_hidden_units"
    case sectionHistograms = "section_histograms", hiddenUnitsText = "hidden_units_text"
    case commentaryWorseSeed = "commentary_worse_seed", summaryData = "summary_data"
    case summaryDataPerCase = "summary_data_per_case", casesTextVaried = "cases_text_varied"
    case noHiddenActivation = "no_hidden_activation"
    case regularizationNone = "regularization_none", regularizationL1 = "regularization_l1"
    case regularizationL2 = "regularization_l2", bias
    case parameterTableCaption = "parameter_table_caption", parameterTableNote = "parameter_table_note"
    case parameterTableCaptionOutput = "parameter_table_caption_output"
    case dataTitle = "data_title", feature1 = "feature_1", feature2 = "feature_2"
    case legendTrain0 = "legend_train_0", legendTrain1 = "legend_train_1"
    case legendTest0 = "legend_test_0", legendTest1 = "legend_test_1"
    case initialText = "initial_text", initialNetworkCaption = "initial_network_caption"
    case initialBoundaryCaption = "initial_boundary_caption", boundaryTitle = "boundary_title"
    case probability, biases
    case updateText = "update_text", methodNumeric = "method_numeric", methodAnalytic = "method_analytic"
    case updateNetworkCaption = "update_network_caption", updateBoundaryCaption = "update_boundary_caption"
    case beforeUpdate = "before_update", afterUpdate = "after_update"
    case casesText = "cases_text", settingsLine = "settings_line", on, off, numeric, analytic
    case finalLine = "final_line", diverged, divergedShort = "diverged_short"
    case caseFigureCaption = "case_figure_caption", caseNetworkCaption = "case_network_caption"
    case batchNormBoundaryNote = "batch_norm_boundary_note"
    case lossTitle = "loss_title", iteration, lossAxis = "loss_axis"
    case seriesTrain = "series_train", seriesTest = "series_test"
    case histogramsCaption = "histograms_caption", histogramTitle = "histogram_title"
    case value, frequency
    case commentaryIntro = "commentary_intro", commentaryWorse = "commentary_worse"
    case commentaryBetter = "commentary_better", commentaryRelu = "commentary_relu"
    case commentaryReading = "commentary_reading"
    case yes, no, diagramLegend = "diagram_legend", svgFile = "svg_file", dotFile = "dot_file"
    case initialNetworkTitle = "initial_network_title", updateNetworkTitle = "update_network_title"
    case networkSubtitle = "network_subtitle", updateSubtitle = "update_subtitle"
    case seedLabTitle = "seed_lab_title", seedLabCase1 = "seed_lab_case_1", seedLabCase2 = "seed_lab_case_2"
    case seedLabCase3 = "seed_lab_case_3", seedLabCase4 = "seed_lab_case_4"
    case deadUnits = "dead_units", deadUnitsNone = "dead_units_none"
    case trainingSet = "training_set", testSet = "test_set"
    case confusionCaption = "confusion_caption", predictedClass = "predicted_class", actualClass = "actual_class"
    case gradientCheckCaption = "gradient_check_caption", gradientCheckKink = "gradient_check_kink"
    case sectionDynamics = "section_dynamics", accuracyTitle = "accuracy_title", accuracyAxis = "accuracy_axis"
    case gradientNormTitle = "gradient_norm_title", gradientNormAxis = "gradient_norm_axis"
    case sweepText = "sweep_text", sweepTextSingle = "sweep_text_single", sweepFixed = "sweep_fixed"
    case sweepRanked = "sweep_ranked", sweepRankedFirst = "sweep_ranked_first", sweepAllCases = "sweep_all_cases"
    case sweepAllTitle = "sweep_all_title", sweepThumbnailTitle = "sweep_thumbnail_title"
    case sweepExtremesTitle = "sweep_extremes_title", sweepExtremesCaption = "sweep_extremes_caption"
    case sweepAllBoundariesCaption = "sweep_all_boundaries_caption"
    case sweepSeedsCaption = "sweep_seeds_caption", sweepRunsDiverged = "sweep_runs_diverged", sweepData = "sweep_data"
    case sweepScaleLoss = "sweep_scale_loss", sweepScaleAccuracy = "sweep_scale_accuracy"
    case sweepHeatLossTitle = "sweep_heat_loss_title", sweepHeatAccuracyTitle = "sweep_heat_accuracy_title"
    case sweepHeatLossCaption = "sweep_heat_loss_caption", sweepHeatAccuracyCaption = "sweep_heat_accuracy_caption"
    case sweepHeatLossCaptionOne = "sweep_heat_loss_caption_one"
    case sweepHeatAccuracyCaptionOne = "sweep_heat_accuracy_caption_one", sweepTextOne = "sweep_text_one"
    case sweepHeatSeeds = "sweep_heat_seeds", sweepHeatPanelsCut = "sweep_heat_panels_cut"
    case sweepCellDiverged = "sweep_cell_diverged", sweepCellMean = "sweep_cell_mean"
    case sweepCellMeanDiverged = "sweep_cell_mean_diverged"
    case settingLearningRate = "setting_learning_rate", settingBatchSize = "setting_batch_size"
    case settingEpochs = "setting_epochs", settingActivation = "setting_activation", settingHidden = "setting_hidden"
    case settingFeatures = "setting_features", settingBatchNorm = "setting_batch_norm"
    case settingRegularization = "setting_regularization", settingRegularizationRate = "setting_regularization_rate"
    case settingGradient = "setting_gradient", settingInitSeed = "setting_init_seed", settingDataSeed = "setting_data_seed"
    case updateRatioTitle = "update_ratio_title", updateRatioAxis = "update_ratio_axis"
    case curvesCaption = "curves_caption", curvesReduced = "curves_reduced"
    case boundaryOverTimeTitle = "boundary_over_time_title", boundaryOverTimeCaption = "boundary_over_time_caption"
    case thumbnailTitle = "thumbnail_title", unitMapsCaption = "unit_maps_caption", unitMapsLink = "unit_maps_link"
    case activationsTitle = "activations_title", activationsCaption = "activations_caption"
    case activationColumnTitle = "activation_column_title", activationBin = "activation_bin", points, layerName = "layer_name", outputLayer = "output_layer"
    case pointTitle = "point_title", pointTitleData = "point_title_data", deadUnitLegend = "dead_unit_legend"
    case sampleNoteTrain = "sample_note_train", sampleNoteTest = "sample_note_test", recordedEvery = "recorded_every"
    case gradientCheckCaptionSample = "gradient_check_caption_sample"
  }

  /// Every text of the locale file, for the templates (`{{t.name}}`).
  let table: [String: String]

  subscript(_ key: Key) -> String { table[key.rawValue] ?? key.rawValue }

  /// The text for `key` with each `{name}` replaced by its value.
  ///
  /// One pass over the text: a value is never searched for placeholders itself, so user text
  /// such as a file named `{seed}.csv` appears as it is. Unknown placeholders stay.
  func format(_ key: Key, _ values: [String: String] = [:]) -> String {
    var result = ""
    var rest = Substring(self[key])
    while let open = rest.firstIndex(of: "{") {
      result += rest[..<open]
      let after = rest[rest.index(after: open)...]
      if let close = after.firstIndex(of: "}"), let value = values[String(after[..<close])] {
        result += value
        rest = after[after.index(after: close)...]
      } else {
        result += "{"
        rest = after
      }
    }
    return result + rest
  }

  /// The embedded seed lab with its title and case names in this language.
  public var seedLab: Experiment {
    var lab = Experiment.seedLab
    let names = [Key.seedLabCase1, .seedLabCase2, .seedLabCase3, .seedLabCase4].map { self[$0] }
    lab.title = self[.seedLabTitle]
    lab.histograms = lab.histograms.map { name in
      lab.cases.firstIndex { $0.name == name }.map { names[$0] } ?? name
    }
    for index in lab.cases.indices { lab.cases[index].name = names[index] }
    return lab
  }
}
