namespace Omnichannel.Orders.Tests;
