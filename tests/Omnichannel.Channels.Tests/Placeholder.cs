namespace Omnichannel.Channels.Tests;
