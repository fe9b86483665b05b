namespace Omnichannel.Sync.Tests;
