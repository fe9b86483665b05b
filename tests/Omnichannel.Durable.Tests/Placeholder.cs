namespace Omnichannel.Durable.Tests;
