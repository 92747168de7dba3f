using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;
using Perfolizer.Metrology;

if (args is ["accuracy"])
{
    Activations.Benchmarks.Accuracy.AccuracyReport.Run();
    return;
}

// Results go to BenchmarkDotNet.Artifacts/results: GitHub markdown for the docs, and CSV in fixed units
// (nanoseconds, bytes) that docs/charts/make_charts.py turns into the README's chart.
var style = new SummaryStyle(
    CultureInfo.InvariantCulture, printUnitsInHeader: true, sizeUnit: SizeUnit.B, timeUnit: TimeUnit.Nanosecond,
    printUnitsInContent: false, printZeroValuesInContent: true, maxParameterColumnWidth: 40);
IConfig config = DefaultConfig.Instance
    .AddExporter(new CsvExporter(CsvSeparator.Comma, style))
    .AddExporter(MarkdownExporter.GitHub)
    .AddColumn(StatisticColumn.Median)
    .WithSummaryStyle(style.WithTimeUnit(TimeUnit.Nanosecond));

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
