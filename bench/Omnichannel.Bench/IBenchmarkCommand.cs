namespace Omnichannel.Bench;

/// <summary>One benchmark subcommand: <c>dotnet run -c Release --project bench/Omnichannel.Bench -- {Name}</c>.</summary>
public interface IBenchmarkCommand
{
    /// <summary>The subcommand name, lower case.</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Description { get; }

    /// <summary>Runs the benchmark and prints its report; returns the exit code.</summary>
    Task<int> RunAsync(string[] args, CancellationToken cancellationToken);
}
