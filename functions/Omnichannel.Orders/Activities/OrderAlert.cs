using Omnichannel.Orders.Configuration;

namespace Omnichannel.Orders.Activities;

/// <summary>An alert for operations, as queued on <see cref="OrdersOptions.AlertsQueue"/>.</summary>
public sealed record OrderAlert(string OrderId, string Kind, string Detail, DateTimeOffset At, string Key);
