namespace Omnichannel.Infra.Tests;
