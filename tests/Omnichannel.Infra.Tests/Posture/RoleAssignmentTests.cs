using Omnichannel.Infra.Tests.Bicep;

namespace Omnichannel.Infra.Tests.Posture;

/// <summary>The app identity holds exactly the data-plane roles the hub needs, each on its own resource.</summary>
[Collection(InfraCollection.Name)]
public sealed class RoleAssignmentTests(CompiledInfra infra)
{
    // Built-in role definition ids.
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
    private const string ServiceBusDataSender = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39";

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void AppIdentity_Deployed_HasExactlyTheDataPlaneRoles(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var identity = snapshot.Single("Microsoft.ManagedIdentity/userAssignedIdentities");
        var assignments = Assignments(snapshot);

        (string Scope, string Role)[] expected =
        [
            (Id(snapshot, "Microsoft.Storage/storageAccounts"), StorageBlobDataOwner),
            (Id(snapshot, "Microsoft.Storage/storageAccounts"), StorageQueueDataContributor),
            (Id(snapshot, "Microsoft.Storage/storageAccounts"), StorageTableDataContributor),
            (Id(snapshot, "Microsoft.KeyVault/vaults"), KeyVaultSecretsUser),
            (Id(snapshot, "Microsoft.Insights/components"), MonitoringMetricsPublisher),
            (Id(snapshot, "Microsoft.ServiceBus/namespaces"), ServiceBusDataSender),
        ];
        Assert.Equal(expected.Order(), assignments.Select(a => (a.Scope, a.Role)).Order());
        Assert.All(assignments, a =>
        {
            Assert.Equal("ServicePrincipal", a.PrincipalType);
            Assert.Contains((string)identity["id"]!, a.PrincipalId, StringComparison.Ordinal);
            Assert.True(Guid.TryParse(a.Name, out _), $"Role assignment name '{a.Name}' is not a guid().");
        });
    }

    [Fact]
    public void Operator_Given_GetsOnlySecretsOfficerOnTheVault()
    {
        var snapshot = infra.Snapshot(CompiledInfra.OperatorEnvironment);

        var operatorAssignments = Assignments(snapshot).Where(a => a.PrincipalId == CompiledInfra.OperatorPrincipalId).ToList();

        var assignment = Assert.Single(operatorAssignments);
        Assert.Equal((Id(snapshot, "Microsoft.KeyVault/vaults"), KeyVaultSecretsOfficer), (assignment.Scope, assignment.Role));
        Assert.Equal("Group", assignment.PrincipalType);
        Assert.Equal(7, Assignments(snapshot).Count);
    }

    [Fact]
    public void RoleAssignments_Names_DistinctPerRoleAndEnvironment()
    {
        // guid() of scope, identity and role (no deployment-specific input): a redeploy updates the same
        // assignments instead of failing on a duplicate, and two environments never collide.
        var dev = Assignments(infra.Snapshot("dev")).Select(a => a.Name).ToHashSet();
        var prod = Assignments(infra.Snapshot("prod")).Select(a => a.Name).ToHashSet();

        Assert.Equal(6, dev.Count);
        Assert.Empty(dev.Intersect(prod));
    }

    private static string Id(DeploymentSnapshot snapshot, string type) => (string)snapshot.Single(type)["id"]!;

    private static List<Assignment> Assignments(DeploymentSnapshot snapshot) =>
        snapshot.OfType("Microsoft.Authorization/roleAssignments").Select(r =>
        {
            var id = (string)r["id"]!;
            var properties = r["properties"]!;
            return new Assignment(
                (string)r["name"]!,
                id[..id.IndexOf("/providers/Microsoft.Authorization/", StringComparison.Ordinal)],
                ((string)properties["roleDefinitionId"]!).Split('/')[^1],
                (string)properties["principalId"]!,
                (string?)properties["principalType"]);
        }).ToList();

    private sealed record Assignment(string Name, string Scope, string Role, string PrincipalId, string? PrincipalType);
}
