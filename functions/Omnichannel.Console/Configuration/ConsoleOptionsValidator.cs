using Microsoft.Extensions.Options;
using Omnichannel.Hosting.Configuration;

namespace Omnichannel.OperationsConsole.Configuration;

/// <summary>Checks the <c>Console</c> settings at start-up; each failure names its app setting (<c>Console__OperatorRole</c>).</summary>
internal sealed class ConsoleOptionsValidator : IValidateOptions<ConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new OptionsFailures(ConsoleOptions.Section);
        failures.When(string.IsNullOrWhiteSpace(options.OperatorRole), nameof(options.OperatorRole), "must name the app role an operator holds, such as Hub.Operator.");
        failures.When(options.LoginPath is not ['/', ..] || options.LoginPath.StartsWith("//", StringComparison.Ordinal), nameof(options.LoginPath), $"must be a path on this site starting with '/', such as /.auth/login/aad (was '{options.LoginPath}').");
        return failures.Result();
    }
}
