resource "aws_ecs_cluster" "main" {
  name = "main"
}

resource "aws_ecs_cluster" "spot" {
  name = "spot"
}

resource "aws_ecs_cluster_capacity_providers" "spot" {
  cluster_name       = aws_ecs_cluster.spot.name
  capacity_providers = ["FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }
}

resource "aws_ecs_service" "on_fargate" {
  name        = "on-fargate"
  cluster     = aws_ecs_cluster.main.id
  launch_type = "FARGATE"
}

resource "aws_ecs_service" "on_ec2" {
  name        = "on-ec2"
  cluster     = aws_ecs_cluster.main.id
  launch_type = "EC2"
}

resource "aws_ecs_service" "on_spot" {
  name    = "on-spot"
  cluster = aws_ecs_cluster.main.id

  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }
}

resource "aws_ecs_service" "on_cluster_default" {
  name    = "on-cluster-default"
  cluster = aws_ecs_cluster.spot.id
}

resource "aws_ecs_service" "on_plain_cluster" {
  name    = "on-plain-cluster"
  cluster = aws_ecs_cluster.main.id
}

variable "launch_type" {
  type = string
}

resource "aws_ecs_service" "on_unresolved_launch_type" {
  name        = "on-unresolved"
  cluster     = aws_ecs_cluster.main.id
  launch_type = var.launch_type
}
