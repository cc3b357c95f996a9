namespace NsclWorkflows.Functions.Tests;

/// <summary>A whole appraisal sheet against the catalogue's rubric (80/100), as JSON a client sends.</summary>
static class Sheets
{
    public const string AppraisalJson =
        """[{"criterion":"can-thiet","score":12,"maxScore":15},{"criterion":"noi-dung","score":20,"maxScore":25},{"criterion":"nang-luc","score":16,"maxScore":20},"""
        + """{"criterion":"hieu-qua","score":20,"maxScore":25},{"criterion":"kinh-phi","score":12,"maxScore":15}]""";
}
