using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace NsclWorkflows.Functions.Http;

/// <summary>Lets a function return what a shared handler returns: the <see cref="IResult"/> writes the response itself.</summary>
public sealed class ResultActionResult(IResult result) : IActionResult
{
    public IResult Result => result;

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return result.ExecuteAsync(context.HttpContext);
    }
}
